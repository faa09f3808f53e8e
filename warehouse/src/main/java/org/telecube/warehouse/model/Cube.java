package org.telecube.warehouse.model;

import java.util.List;
import java.util.Optional;

/**
 * A cube: a fact table, the dimensions it carries, its measures and the aggregate tables declared
 * for it (in declaration order).
 */
public record Cube(String name, Caption caption, String factTable, String timeColumn,
                   List<DimensionUsage> dimensions, List<Measure> measures, List<AggregateTable> aggregates) {
  public Cube {
    dimensions = List.copyOf(dimensions);
    measures = List.copyOf(measures);
    aggregates = List.copyOf(aggregates);
  }

  public Cube(String name, Caption caption, String factTable, String timeColumn,
              List<DimensionUsage> dimensions, List<Measure> measures) {
    this(name, caption, factTable, timeColumn, dimensions, measures, List.of());
  }

  public Optional<DimensionUsage> dimension(String dimensionName) {
    return dimensions.stream().filter(d -> d.name().equals(dimensionName)).findFirst();
  }

  public Optional<Measure> measure(String measureName) {
    return measures.stream().filter(m -> m.name().equals(measureName)).findFirst();
  }
}
