package org.telecube.druid.testcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real cluster ingests with a native batch task and answers Druid SQL over Avatica. */
class DruidTestClusterTest {

  private static final Duration TASK_TIMEOUT = Duration.ofMinutes(2);

  private static DruidTestCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = DruidTestCluster.shared();
    System.out.printf(Locale.ROOT, "Druid test cluster: started in %.1f s, %d MB resident over its JVMs, broker %s%n",
        cluster.startupMillis() / 1000.0, cluster.residentBytes() / (1024 * 1024), cluster.brokerUrl());
  }

  @Test
  void ingestsInlineRowsAndSumsThemOverAvatica() throws Exception {
    String rows = String.join("\\n",
        "{\\\"ts\\\":\\\"2026-01-03T10:00:00Z\\\",\\\"msisdn\\\":\\\"5551001\\\",\\\"amount\\\":1250}",
        "{\\\"ts\\\":\\\"2026-01-17T08:30:00Z\\\",\\\"msisdn\\\":\\\"5551002\\\",\\\"amount\\\":399}",
        "{\\\"ts\\\":\\\"2026-01-31T23:59:59Z\\\",\\\"msisdn\\\":\\\"5551001\\\",\\\"amount\\\":10000}",
        "{\\\"ts\\\":\\\"2026-02-01T00:00:00Z\\\",\\\"msisdn\\\":\\\"5551003\\\",\\\"amount\\\":1}",
        "{\\\"ts\\\":\\\"2026-02-14T12:00:00Z\\\",\\\"msisdn\\\":\\\"5551002\\\",\\\"amount\\\":750}");

    TaskStatus status = cluster.overlord().run(inlineTask("smoke", rows, "ts", 0), TASK_TIMEOUT);

    assertTrue(status.isSuccess(), () -> "ingestion failed: " + status);
    cluster.awaitQueryable("smoke", Duration.ofMinutes(1));
    try (Connection connection = cluster.openConnection(); Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery("SELECT COUNT(*), SUM(amount) FROM smoke")) {
      assertTrue(result.next());
      assertEquals(5L, result.getLong(1));
      assertEquals(12_400L, result.getLong(2));
    }
    printMemory();
  }

  @Test
  void aFailedTaskReportsDruidsReason() {
    // the second row's timestamp does not parse, and no parse exception is tolerated
    String rows = String.join("\\n",
        "{\\\"ts\\\":\\\"2026-03-01T00:00:00Z\\\",\\\"msisdn\\\":\\\"5551001\\\",\\\"amount\\\":5}",
        "{\\\"ts\\\":\\\"not a time\\\",\\\"msisdn\\\":\\\"5551002\\\",\\\"amount\\\":7}");

    TaskStatus status = cluster.overlord().run(inlineTask("smoke_bad", rows, "ts", 0), TASK_TIMEOUT);

    assertTrue(status.isFailure(), () -> "expected FAILED: " + status);
    assertNotNull(status.errorMsg(), "Druid's reason");
    System.out.println("Druid's reason for the failed task: " + status.reason());
    assertEquals("org.apache.druid.java.util.common.RE: Max parse exceptions[0] exceeded", status.reason());
    assertTrue(status.errorMsg().toLowerCase(Locale.ROOT).contains("parse"), status.errorMsg());
  }

  @Test
  void ingestsAFileFromTheIngestionDirectory() throws Exception {
    Files.writeString(cluster.ingestionDirectory().resolve("calls.csv"), String.join("\n",
        "ts,msisdn,amount", "2026-04-01T09:00:00Z,5551001,300", "2026-04-02T09:00:00Z,5551002,45", ""),
        StandardCharsets.UTF_8);
    String task = """
        {
          "type": "index_parallel",
          "spec": {
            "dataSchema": {
              "dataSource": "smoke_local",
              "timestampSpec": {"column": "ts", "format": "iso"},
              "dimensionsSpec": {"dimensions": ["msisdn"]},
              "metricsSpec": [{"type": "longSum", "name": "amount", "fieldName": "amount"}],
              "granularitySpec": {"segmentGranularity": "MONTH", "queryGranularity": "NONE", "rollup": false}
            },
            "ioConfig": {
              "type": "index_parallel",
              "inputSource": {"type": "local", "baseDir": "%s", "filter": "calls.csv"},
              "inputFormat": {"type": "csv", "findColumnsFromHeader": true}
            },
            "tuningConfig": {"type": "index_parallel", "maxNumConcurrentSubTasks": 1}
          }
        }
        """.formatted(cluster.ingestionDirectory().toString().replace("\\", "\\\\"));

    TaskStatus status = cluster.overlord().run(task, TASK_TIMEOUT);

    assertTrue(status.isSuccess(), () -> "ingestion failed: " + status);
    cluster.awaitQueryable("smoke_local", Duration.ofMinutes(1));
    try (Connection connection = cluster.openConnection(); Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery("SELECT SUM(amount) FROM smoke_local")) {
      assertTrue(result.next());
      assertEquals(345L, result.getLong(1));
    }
  }

  private static void printMemory() {
    System.out.printf(Locale.ROOT, "Druid test cluster after ingestion: %d MB resident over its JVMs%n",
        cluster.residentBytes() / (1024 * 1024));
  }

  /** A native batch task: inline JSON rows, MONTH segments, amount in cents summed as a long. */
  private static String inlineTask(String datasource, String jsonRows, String timestampColumn,
      int maxParseExceptions) {
    return """
        {
          "type": "index_parallel",
          "spec": {
            "dataSchema": {
              "dataSource": "%s",
              "timestampSpec": {"column": "%s", "format": "iso"},
              "dimensionsSpec": {"dimensions": ["msisdn"]},
              "metricsSpec": [{"type": "longSum", "name": "amount", "fieldName": "amount"}],
              "granularitySpec": {"segmentGranularity": "MONTH", "queryGranularity": "NONE", "rollup": false}
            },
            "ioConfig": {
              "type": "index_parallel",
              "inputSource": {"type": "inline", "data": "%s"},
              "inputFormat": {"type": "json"}
            },
            "tuningConfig": {
              "type": "index_parallel",
              "maxNumConcurrentSubTasks": 1,
              "maxParseExceptions": %d
            }
          }
        }
        """.formatted(datasource, timestampColumn, jsonRows, maxParseExceptions);
  }
}
