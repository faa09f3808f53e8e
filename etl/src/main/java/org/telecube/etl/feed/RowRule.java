package org.telecube.etl.feed;

/** A rule across the columns of one row, checked after every field parsed. */
@FunctionalInterface
public interface RowRule {

  /**
   * Returns null when the row is fine, else the problem.
   *
   * @param values parsed values in {@link FeedKind#columns()} order; null for absent values
   */
  Problem check(Object[] values);

  /** A row problem blamed on one column. */
  record Problem(String column, String reason) {
  }
}
