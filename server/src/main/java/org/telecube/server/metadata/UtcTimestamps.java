package org.telecube.server.metadata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How instants cross JDBC into the metadata store's {@code timestamp with time zone} columns: as
 * UTC offsets, so neither the JVM's default zone nor the database's matters.
 */
public final class UtcTimestamps {
  private UtcTimestamps() {
  }

  public static OffsetDateTime of(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static Instant read(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
