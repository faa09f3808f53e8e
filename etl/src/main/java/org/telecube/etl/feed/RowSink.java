package org.telecube.etl.feed;

/** Receives what {@link FeedReader} makes of each row. */
public interface RowSink {

  /**
   * A row that passed every check.
   *
   * @param values parsed values in {@link FeedKind#columns()} order, null where absent; the array
   *     is reused for the next row, so copy what you keep
   */
  void accepted(long line, Object[] values);

  /** A bad row: called once per problem, all for the same row before the next row. */
  void rejected(Reject reject);
}
