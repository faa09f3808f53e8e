package org.telecube.reports.data;

import java.util.List;
import org.telecube.warehouse.query.MemberRef;

/**
 * Segment movements (8-2-4-1): subscribers active at the month's end by last month's value
 * segment (rows, including 'new', no record last month) and this month's (columns).
 *
 * @param columns this month's value segments, in their order
 * @param rows last month's segments, in their order
 */
public record SegmentMatrix(List<MemberRef> columns, List<Row> rows) {
  public SegmentMatrix {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** @param counts one per column, null where the cube has no cell */
  public record Row(String key, String caption, List<Long> counts) {
    public Row {
      counts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(counts));
    }
  }
}
