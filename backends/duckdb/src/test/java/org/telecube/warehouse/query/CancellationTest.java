package org.telecube.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.Warehouse;

/** A cancelled query stops on the backend: DuckDB gives up a long statement when it is cancelled. */
class CancellationTest {
  @TempDir
  Path dir;

  @Test
  void cancellingStopsTheRunningStatement() throws Exception {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (Warehouse warehouse = Warehouse.openEmbedded(dir);
         Connection c = warehouse.backend().dataSource().getConnection(); Statement st = c.createStatement()) {
      Cancellation cancellation = new Cancellation();
      cancellation.start(st);
      timer.schedule(cancellation::cancel, 300, TimeUnit.MILLISECONDS);
      long started = System.nanoTime();
      // minutes of work if left alone
      assertThatThrownBy(() -> st.executeQuery("SELECT sum(hash(i) % 7) FROM range(50000000000) t(i)"))
          .isInstanceOf(SQLException.class);
      assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
      assertThat(cancellation.isCancelled()).isTrue();
      assertThatThrownBy(() -> cancellation.start(st)).isInstanceOf(QueryException.class);
      // the connection goes back to the pool fit for the next query
      try (Statement next = c.createStatement(); java.sql.ResultSet rs = next.executeQuery("SELECT 41 + 1")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(42);
      }
    } finally {
      timer.shutdownNow();
    }
  }
}
