package org.telecube.warehouse.query;

import java.util.Arrays;

/** One row a planned statement returned, read by name through its {@link RowLayout}. */
public final class ResultRow {
  private final RowLayout layout;
  private final Object[] values;

  ResultRow(RowLayout layout, Object[] values) {
    this.layout = layout;
    this.values = values.clone();
  }

  public RowLayout layout() {
    return layout;
  }

  /** The member key of {@code level} ({@code region.city}), as text. */
  public String key(String level) {
    return str(values[layout.keyIndex(level)]);
  }

  public String caption(String level) {
    return str(values[layout.captionIndex(level)]);
  }

  /** The member's sort value (a number or text, as the dimension stores it). */
  public Object order(String level) {
    return values[layout.orderIndex(level)];
  }

  /** The value of {@code measure} as the database returned it. */
  public Object measure(String measure) {
    return values[layout.measureIndex(measure)];
  }

  /** A named column of a detail row. */
  public Object get(String column) {
    return values[layout.columnIndex(column)];
  }

  public String text(String column) {
    return str(get(column));
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  @Override
  public String toString() {
    return layout.columns() + "=" + Arrays.toString(values);
  }
}
