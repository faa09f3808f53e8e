package org.telecube.backend.postgres.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The fixture gives a real PostgreSQL that keeps UTF-8 text and instants, and leaves nothing running. */
class EmbeddedPostgresTest {
  private static final String SUBSCRIBER = "中国移动 北京分公司 张伟";
  // Microseconds, an offset far from the test JVM's zone: must come back as the same instant.
  private static final OffsetDateTime STARTED = OffsetDateTime.of(2025, 3, 9, 23, 59, 58, 123_456_000, ZoneOffset.ofHours(8));

  @Test
  void storesTextAndInstantsAndStopsOnClose() throws Exception {
    int port;
    try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
      port = pg.port();
      assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/telecube");
      try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
           Statement statement = connection.createStatement()) {
        assertThat(single(statement, "select version()")).startsWith("PostgreSQL");
        assertThat(single(statement, "show server_encoding")).isEqualTo("UTF8");

        statement.execute("create table call_record (id int primary key, subscriber text not null, started timestamptz not null)");
        try (PreparedStatement insert = connection.prepareStatement("insert into call_record values (?, ?, ?)")) {
          insert.setInt(1, 1);
          insert.setString(2, SUBSCRIBER);
          insert.setObject(3, STARTED);
          assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        try (ResultSet row = statement.executeQuery("select subscriber, length(subscriber), started from call_record where id = 1")) {
          assertThat(row.next()).isTrue();
          assertThat(row.getString(1)).isEqualTo(SUBSCRIBER);
          assertThat(row.getInt(2)).as("characters, not bytes").isEqualTo(SUBSCRIBER.length());
          assertThat(row.getObject(3, OffsetDateTime.class)).isAtSameInstantAs(STARTED);
        }
      }

      String url = pg.createDatabase("scheduler_test");
      assertThat(url).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/scheduler_test");
      try (Connection connection = DriverManager.getConnection(url, pg.user(), pg.password());
           Statement statement = connection.createStatement()) {
        assertThat(single(statement, "select current_database()")).isEqualTo("scheduler_test");
      }
      assertThatThrownBy(() -> pg.createDatabase("Bad-Name")).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(accepts(port)).as("port %d accepts connections after close()", port).isFalse();
  }

  @Test
  void sharedServerIsStartedOnceAndSurvivesClose() throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.shared();
    assertThat(EmbeddedPostgres.shared()).isSameAs(pg);
    pg.close();
    try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
         Statement statement = connection.createStatement()) {
      assertThat(single(statement, "select 1")).isEqualTo("1");
    }
  }

  private static String single(Statement statement, String sql) throws Exception {
    try (ResultSet result = statement.executeQuery(sql)) {
      assertThat(result.next()).isTrue();
      return result.getString(1);
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
