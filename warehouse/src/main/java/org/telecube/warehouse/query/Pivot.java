package org.telecube.warehouse.query;

import java.util.List;

/**
 * The cells arranged as a pivot table: one row per distinct row tuple, one column group per
 * distinct column tuple, and within each group one value per measure. {@code values.get(r)} holds
 * {@code columnTuples.size() * measures.size()} entries, measure fastest.
 */
public record Pivot(List<String> rowLevels, List<String> columnLevels, List<String> measures,
                    List<List<MemberRef>> rowTuples, List<List<MemberRef>> columnTuples,
                    List<List<Object>> values) {
  public Pivot {
    rowLevels = List.copyOf(rowLevels);
    columnLevels = List.copyOf(columnLevels);
    measures = List.copyOf(measures);
    rowTuples = rowTuples.stream().map(List::copyOf).toList();
    columnTuples = columnTuples.stream().map(List::copyOf).toList();
    // a pivot cell without a value is null, which List.copyOf refuses
    values = values.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
  }
}
