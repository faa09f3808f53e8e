package org.telecube.warehouse.backend;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The load path's seam: the ETL validates and derives the star in its work area (an embedded
 * DuckDB), then hands the tables a batch touched to the backend's publisher. A publication is all
 * or nothing on the backend: readers see the previous star until it commits, a crash mid-publish
 * leaves the previous star, and publishing the same slices twice changes nothing.
 */
public interface StarPublisher {
  /**
   * True when the work area is the warehouse itself (the embedded DuckDB): the star is derived in
   * place and {@link #publish} has nothing to move.
   */
  boolean inPlace();

  /**
   * The batch the backend last published, or 0 for none. A load whose work area's last batch
   * differs (a crash between publishing and committing the work area, or a second work area
   * publishing here) publishes the whole star rather than the touched slices.
   */
  long publishedBatch() throws SQLException;

  /**
   * Copies {@code publication}'s slices from the work area into the backend in one transaction,
   * replacing what the backend held for them, and records the batch as published.
   *
   * @param workArea an open connection to the work area, inside the batch's uncommitted transaction
   * @throws PublishRefusedException another load is publishing to the same backend
   */
  void publish(Connection workArea, Publication publication) throws SQLException;

  /** The publisher of a backend that is its own work area. */
  static StarPublisher inPlaceOf(Backend backend) {
    return new StarPublisher() {
      @Override
      public boolean inPlace() {
        return true;
      }

      @Override
      public long publishedBatch() {
        return backend.dataVersion();
      }

      @Override
      public void publish(Connection workArea, Publication publication) {
        // derived in place: committed with the batch's own transaction
      }
    };
  }
}
