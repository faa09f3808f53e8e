package org.telecube.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Choosing the backend on the command line: a wrong choice is one line that says what to fix,
 * and an unreachable database is reported as such — never as a warehouse file another process
 * holds (which would send the user looking for a server).
 */
class CliBackendTest {
  @Test
  void anUnknownBackendListsTheKnownOnes() throws Exception {
    Path dir = Files.createTempDirectory("telecube-backend");
    CliProcess.Run run = CliProcess.run(List.of(), Map.of(), "--data-dir", dir.toString(), "--backend", "oracle",
        "query", "--cube", "revenue", "--measures", "revenue");
    assertThat(run.code()).as(run.toString()).isNotZero();
    assertThat(run.err()).contains("unknown backend \"oracle\"").contains("duckdb").contains("postgres")
        .contains("druid").doesNotContain("Exception");
  }

  @Test
  void publishingTheEmbeddedWarehouseSaysItIsItsOwnWorkArea() throws Exception {
    Path dir = Files.createTempDirectory("telecube-backend");
    CliProcess.Run run = CliProcess.run(List.of(), Map.of("TELECUBE_BACKEND", "duckdb"), "--data-dir", dir.toString(),
        "etl", "publish");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("duckdb").doesNotContain("Exception");
    assertThat(dir.resolve("publish-spool")).doesNotExist();
  }

  @Test
  void postgresWithoutAUrlNamesTheSetting() throws Exception {
    Path dir = Files.createTempDirectory("telecube-backend");
    CliProcess.Run run = CliProcess.run(List.of(), Map.of("TELECUBE_WAREHOUSE_URL", ""), "--data-dir", dir.toString(),
        "--backend", "postgres", "query", "--cube", "revenue", "--measures", "revenue");
    assertThat(run.code()).as(run.toString()).isNotZero();
    assertThat(run.err()).contains("TELECUBE_WAREHOUSE_URL").doesNotContain("Exception");
  }

  @Test
  void druidWithoutAUrlNamesTheSetting() throws Exception {
    Path dir = Files.createTempDirectory("telecube-backend");
    CliProcess.Run run = CliProcess.run(List.of(), Map.of("TELECUBE_WAREHOUSE_URL", ""), "--data-dir", dir.toString(),
        "--backend", "druid", "query", "--cube", "revenue", "--measures", "revenue");
    assertThat(run.code()).as(run.toString()).isNotZero();
    assertThat(run.err()).contains("TELECUBE_WAREHOUSE_URL").contains("Druid").doesNotContain("Exception");
    assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
  }

  @Test
  void druidTakesAnHttpUrlNotAJdbcOne() throws Exception {
    Path dir = Files.createTempDirectory("telecube-backend");
    CliProcess.Run run = CliProcess.run(List.of(), Map.of("TELECUBE_WAREHOUSE_URL", "jdbc:postgresql://127.0.0.1:1/x"),
        "--data-dir", dir.toString(), "--backend", "druid", "query", "--cube", "revenue", "--measures", "revenue");
    assertThat(run.code()).as(run.toString()).isNotZero();
    assertThat(run.err()).contains("http(s) URL").doesNotContain("Exception");
  }

  /** bench --druid-url reaches Druid there, not at $TELECUBE_WAREHOUSE_URL; an unreachable broker is one line. */
  @Test
  void benchReachesDruidAtItsOwnUrl() throws Exception {
    Path dir = Files.createTempDirectory("telecube-backend");
    CliProcess.Run run = CliProcess.run(List.of(), Map.of("TELECUBE_WAREHOUSE_URL", "jdbc:postgresql://127.0.0.1:1/x"),
        "--data-dir", dir.toString(), "bench", "--backends", "druid", "--druid-url", "http://127.0.0.1:1",
        "--runs", "1");
    assertThat(run.code()).as(run.toString()).isNotZero();
    assertThat(run.err()).contains("cannot reach the Druid broker at http://127.0.0.1:1")
        .doesNotContain("jdbc:postgresql").doesNotContain("Exception");
  }

  @Test
  void anUnreachableDatabaseIsNotMistakenForABusyWarehouse() throws Exception {
    Path dir = Files.createTempDirectory("telecube-backend");
    CliProcess.Run run = CliProcess.run(List.of(),
        Map.of("TELECUBE_WAREHOUSE_URL", "jdbc:postgresql://127.0.0.1:1/telecube", "TELECUBE_WAREHOUSE_PASSWORD", "s3cret"),
        "--data-dir", dir.toString(), "--backend", "postgres", "query", "--cube", "revenue", "--measures", "revenue");
    assertThat(run.code()).as(run.toString()).isNotZero();
    assertThat(run.err()).contains("jdbc:postgresql://127.0.0.1:1/telecube").doesNotContain("in use")
        .doesNotContain("s3cret").doesNotContain("Exception");
  }
}
