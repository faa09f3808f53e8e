package org.telecube.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.telecube.warehouse.Warehouse;

/**
 * The demo's data ends with last month (in Asia/Shanghai, the operator's zone), so that every
 * schedule's usual report month — the month before the fire time — has data.
 */
class DemoLastMonthTest {
  /** Worked out by hand, the same way the product must: the month before today in Shanghai. */
  private static final YearMonth LAST_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);

  @Test
  void theDemoSampleEndsWithLastMonth() throws Exception {
    Path dataDir = Files.createTempDirectory("telecube-demo").resolve("data");
    int code = TelecubeCommand.commandLine().execute("--data-dir", dataDir.toString(), "demo", "--subscribers", "300",
        "--months", "2", "--no-serve");
    assertThat(code).isZero();
    Path sample = dataDir.resolve("sample").resolve("300x2-seed42-to" + LAST_MONTH);
    try (Stream<Path> files = Files.list(sample)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .contains("billing_" + LAST_MONTH + ".csv", "billing_" + LAST_MONTH.minusMonths(1) + ".csv")
          .noneMatch(n -> n.contains(LAST_MONTH.plusMonths(1).toString()));
    }
    try (Warehouse warehouse = Warehouse.openEmbedded(dataDir);
         Connection c = warehouse.backend().dataSource().getConnection();
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT max(month_key) FROM fact_billing")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(LAST_MONTH.getYear() * 100 + LAST_MONTH.getMonthValue());
    }
  }

  @Test
  void generateDefaultsToLastMonthToo() throws Exception {
    Path out = Files.createTempDirectory("telecube-generate");
    assertThat(TelecubeCommand.commandLine().execute("generate", "--out", out.toString(), "--subscribers", "50",
        "--months", "1")).isZero();
    assertThat(out.resolve("billing_" + LAST_MONTH + ".csv")).exists();
  }
}
