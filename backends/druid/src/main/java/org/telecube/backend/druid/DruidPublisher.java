package org.telecube.backend.druid;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.telecube.warehouse.backend.Publication;
import org.telecube.warehouse.backend.StarPublisher;

/**
 * Publishes the star to Druid by native batch ingestion: each touched table is written from the
 * work area as JSON lines, in Druid's types ({@link DruidColumns}), and ingested by one
 * {@code index_parallel} task that replaces the slice's intervals (facts by month). A batch counts
 * as published once every task succeeded and the broker serves the new rows.
 */
final class DruidPublisher implements StarPublisher {
  private final DruidSettings settings;
  private final DruidStar star;
  private final DataSource broker;

  DruidPublisher(DruidSettings settings, DruidStar star, DataSource broker) {
    this.settings = settings;
    this.star = star;
    this.broker = broker;
  }

  @Override
  public boolean inPlace() {
    return false;
  }

  @Override
  public long publishedBatch() throws SQLException {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void publish(Connection workArea, Publication publication) throws SQLException {
    throw new UnsupportedOperationException("TODO");
  }
}
