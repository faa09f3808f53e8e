package org.telecube.warehouse.query;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a user may see: members of one level of a conformed dimension (a user bound to Guangdong
 * has {@code region.province ∈ {440000}}), or everything. The planner adds it to every statement
 * it makes, so every answer — cells, totals, members, lists — reflects it.
 *
 * @param level {@code dimension.level}, e.g. {@code region.province}; null for {@link #all()}
 * @param keys member keys of that level
 */
public record Scope(String level, Set<String> keys) {
  private static final Scope ALL = new Scope(null, Set.of());

  public Scope {
    keys = keys == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(keys));
    if (level != null && (!level.contains(".") || keys.isEmpty())) {
      throw new IllegalArgumentException("a scope names a level as dimension.level and at least one member: "
          + level + " " + keys);
    }
  }

  /** No restriction. */
  public static Scope all() {
    return ALL;
  }

  /** Members {@code keys} of {@code level} ({@code region.province}). */
  public static Scope of(String level, String... keys) {
    return new Scope(level, Set.of(keys));
  }

  public boolean isAll() {
    return level == null;
  }

  /** The dimension the scope restricts ({@code region}). */
  public String dimension() {
    return level == null ? null : level.substring(0, level.indexOf('.'));
  }

  /** The level's name within its dimension ({@code province}). */
  public String levelName() {
    return level == null ? null : level.substring(level.indexOf('.') + 1);
  }

  List<String> keyList() {
    return List.copyOf(keys);
  }
}
