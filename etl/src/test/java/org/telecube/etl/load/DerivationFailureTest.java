package org.telecube.etl.load;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.Warehouse;

/**
 * A statement that fails while deriving aborts the batch's transaction; the load must say what
 * failed, not what the clean-up after it met ("Current transaction is aborted"), which is all a
 * 1,000,000-subscriber load that ran out of memory once told.
 */
class DerivationFailureTest {
  @TempDir
  Path dir;

  @Test
  void theLoadReportsTheStatementThatFailedNotTheAbortedTransaction() throws Exception {
    try (Warehouse w = Warehouse.openEmbedded(dir.resolve("data"))) {
      try (Connection c = w.workArea().dataSource().getConnection(); Statement st = c.createStatement()) {
        // the derivation of fact_billing writes this column
        st.execute("ALTER TABLE fact_billing RENAME COLUMN first_line TO first_line_lost");
      }
      assertThatThrownBy(() -> EtlLoader.load(w, new FeedFixtures(dir.resolve("feeds")).handMade(), Optional.empty(),
          LoadListener.NONE))
          .hasMessageContaining("first_line")
          .hasMessageNotContaining("transaction is aborted");
    }
  }
}
