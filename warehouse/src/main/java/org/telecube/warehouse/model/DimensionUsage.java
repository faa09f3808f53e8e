package org.telecube.warehouse.model;

import java.util.List;
import java.util.Optional;

/**
 * A dimension as a cube uses it: the fact's foreign key, the table joined (by default the
 * dimension's) and the levels available in this cube.
 */
public record DimensionUsage(Dimension dimension, String foreignKey, String table, String key,
                             List<Level> levels) {
  public DimensionUsage {
    levels = List.copyOf(levels);
  }

  public String name() {
    return dimension.name();
  }

  public Optional<Level> level(String levelName) {
    return levels.stream().filter(l -> l.name().equals(levelName)).findFirst();
  }
}
