package org.telecube.warehouse.query;

/** Sort by a measure or a level (its member order); ascending unless {@code descending}. */
public record OrderKey(String by, boolean descending) {
  public static OrderKey desc(String by) {
    return new OrderKey(by, true);
  }

  public static OrderKey asc(String by) {
    return new OrderKey(by, false);
  }
}
