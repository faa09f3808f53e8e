package org.telecube.warehouse.model;

import java.util.List;
import java.util.Optional;

/**
 * A conformed dimension: a table keyed by {@code key} and its levels, top-down.
 *
 * @param all the whole dimension, as the root of a drill path: 全部地区 / All regions
 * @param time true for the time dimension (levels year, quarter, month, day)
 */
public record Dimension(String name, Caption caption, Caption all, boolean time, String table, String key,
                        List<Level> levels) {
  public Dimension {
    levels = List.copyOf(levels);
  }

  public Optional<Level> level(String levelName) {
    return levels.stream().filter(l -> l.name().equals(levelName)).findFirst();
  }

  /** The level above {@code level}, if any. */
  public Optional<Level> parentOf(Level level) {
    int i = levels.indexOf(level);
    return i > 0 ? Optional.of(levels.get(i - 1)) : Optional.empty();
  }

  /** The level below {@code level}, if any. */
  public Optional<Level> childOf(Level level) {
    int i = levels.indexOf(level);
    return i >= 0 && i + 1 < levels.size() ? Optional.of(levels.get(i + 1)) : Optional.empty();
  }
}
