package org.telecube.warehouse.query;

import org.telecube.warehouse.model.DimensionUsage;
import org.telecube.warehouse.model.Level;

/** A level of a query, resolved to the cube's use of its dimension. */
record ResolvedLevel(DimensionUsage usage, Level level) {
  String name() {
    return level.qualifiedName();
  }

  boolean isTime() {
    return usage.dimension().time();
  }
}
