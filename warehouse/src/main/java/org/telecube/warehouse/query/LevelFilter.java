package org.telecube.warehouse.query;

import java.util.List;

/**
 * Keeps the cells whose member of {@code level} is one of {@code members} (a slice or dice), or,
 * for time levels, lies in {@code from}..{@code to} inclusive (either end may be open).
 */
public record LevelFilter(String level, List<String> members, String from, String to) {
  public LevelFilter {
    members = members == null ? List.of() : List.copyOf(members);
  }

  public static LevelFilter members(String level, String... members) {
    return new LevelFilter(level, List.of(members), null, null);
  }

  public static LevelFilter range(String level, String from, String to) {
    return new LevelFilter(level, List.of(), from, to);
  }
}
