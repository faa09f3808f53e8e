package org.telecube.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telecube.warehouse.Warehouse;

/**
 * A batch killed with SIGKILL mid-load leaves the warehouse exactly as before: a real child JVM
 * loads a generated file set and is killed with {@code destroyForcibly()} once the load is well
 * under way; then the warehouse is opened (DuckDB replays its WAL) and compared.
 */
class CrashSafetyTest {
  private static final int SUBSCRIBERS = 50_000;
  private static final int BILLING_ROWS = 300_000;
  private static final int USAGE_ROWS = 600_000;

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"reading", "deriving"})
  void killDashNineMidLoadLeavesTheWarehouseAsBefore(String mark) throws Exception {
    Path data = dir.resolve("data");
    List<String> before;
    try (Warehouse w = Warehouse.openEmbedded(data)) {
      EtlLoader.load(w, new FeedFixtures(dir.resolve("small")).handMade(), Optional.empty(), LoadListener.NONE);
      before = FeedFixtures.fingerprints(w, true);
    }
    Path feeds = dir.resolve("big");
    List<Path> files = new ArrayList<>();
    files.add(SyntheticFeeds.subscribers(feeds, "subscribers_2025-04-30.csv", SUBSCRIBERS, LocalDate.of(2025, 4, 30)));
    files.add(SyntheticFeeds.billing(feeds, "billing_2025-04.csv.gz", SUBSCRIBERS, "2025-04", BILLING_ROWS));
    files.add(SyntheticFeeds.usage(feeds, "usage_2025-04.csv", SUBSCRIBERS, "2025-04", USAGE_ROWS));

    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-Duser.timezone=America/Bahia_Banderas", "-Duser.language=tr", "-Duser.country=TR",
        "-cp", System.getProperty("java.class.path"),
        CrashLoadChild.class.getName(), data.toString(), mark));
    files.forEach(f -> command.add(f.toString()));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    boolean marked = false;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        output.add(line);
        if (line.equals("MARK")) {
          child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback, no close
          marked = true;
          break;
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(marked).as("child output: %s", output).isTrue();
    assertThat(output).doesNotContain("DONE");
    assertThat(child.exitValue()).as("killed, not finished").isNotZero();

    try (Warehouse w = Warehouse.openEmbedded(data)) {
      assertThat(FeedFixtures.fingerprints(w, true)).isEqualTo(before);

      LoadSummary again = EtlLoader.load(w, files, Optional.empty(), LoadListener.NONE);
      assertThat(again.rowsRejected()).isZero();
      assertThat(again.rowsLoaded()).isEqualTo(SUBSCRIBERS + BILLING_ROWS + USAGE_ROWS);
      assertThat(FeedFixtures.single(w, "SELECT count(*) FROM fact_usage WHERE month_key = 202504"))
          .isEqualTo(String.valueOf(USAGE_ROWS));
      assertThat(FeedFixtures.single(w, "SELECT count(*) FROM fact_billing WHERE month_key = 202504"))
          .isEqualTo(String.valueOf(BILLING_ROWS));
      assertThat(FeedFixtures.single(w, "SELECT count(*) FROM etl_batch")).isEqualTo("2");
    }
  }
}
