package org.telecube.backend.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.backend.BackendProvider;
import org.telecube.warehouse.backend.BackendSettings;

/** DuckDB's memory limit and threads are settings (TELECUBE_DUCKDB_*), applied to every pooled connection. */
class DuckDbLimitsTest {
  @TempDir
  Path dir;

  @Test
  void theOptionsReachEveryConnection() throws Exception {
    BackendSettings settings = BackendSettings.embedded(dir).withOptions(
        BackendSettings.optionsFrom(Map.of("TELECUBE_DUCKDB_MEMORY_LIMIT", "300MB", "TELECUBE_DUCKDB_THREADS", "1")));
    assertThat(settings.options()).containsEntry("duckdb.memory-limit", "300MB").containsEntry("duckdb.threads", "1");
    try (Backend backend = BackendProvider.openBackend(settings);
         Connection a = backend.dataSource().getConnection(); Connection b = backend.dataSource().getConnection()) {
      for (Connection c : new Connection[] {a, b}) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
            "SELECT current_setting('memory_limit'), current_setting('threads')")) {
          rs.next();
          // DuckDB shows 300MB in its own unit (286.1 MiB)
          assertThat(rs.getString(1)).matches("(2\\d\\d|300)(\\.\\d+)? ?(MiB|MB)");
          assertThat(rs.getLong(2)).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void defaultsAreBoundedAndBadValuesRefused() {
    DuckDbLimits d = DuckDbLimits.defaults();
    assertThat(d.memoryLimit()).endsWith("MiB");
    assertThat(d.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThatThrownBy(() -> new DuckDbLimits("2GB'; DROP TABLE x; --", 1, 1000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TELECUBE_DUCKDB_MEMORY_LIMIT");
    assertThatThrownBy(() -> DuckDbLimits.from(BackendSettings.embedded(dir).withOptions(Map.of("duckdb.threads", "x"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TELECUBE_DUCKDB_THREADS");
  }
}
