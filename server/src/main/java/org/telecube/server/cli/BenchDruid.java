package org.telecube.server.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import org.telecube.backend.duckdb.StarSchema;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.backend.BackendSettings;

/**
 * Empties the star on a Druid cluster before {@code telecube bench --load}: Druid has no schema to
 * make afresh, so the star's datasources and the ledger ({@value #LEDGER}) are marked unused through
 * the coordinator API and the bench waits until the broker no longer serves them; the fresh work
 * area then publishes the whole star as its batch 1. Only a cluster whose star a previous bench of
 * the same data directory published (or that holds none) is emptied: the work area the bench
 * published from is remembered in {@code <data-dir>/bench/druid.work-area}.
 */
final class BenchDruid {
  static final String LEDGER = "telecube_publication";
  private static final Duration UNSERVED_TIMEOUT = Duration.ofMinutes(3);

  private BenchDruid() {
  }

  /** Where the last bench remembered the work area it published from. */
  static Path marker(BackendSettings operatorSettings) {
    return operatorSettings.dataDir().resolve("bench").resolve("druid.work-area");
  }

  static void reset(Warehouse warehouse, Path marker) throws SQLException, IOException, InterruptedException {
    BackendSettings settings = warehouse.settings();
    String broker = warehouse.backend().location();
    Set<String> served = servedDatasources(warehouse);
    if (served.contains(LEDGER)) {
      String last = lastWorkArea(warehouse);
      String benched = Files.exists(marker) ? Files.readString(marker, StandardCharsets.UTF_8).trim() : "";
      if (last != null && !last.equals(benched)) {
        throw new IllegalStateException("bench --load replaces the star on the Druid cluster at " + broker
            + ", which holds a star published from work area " + last + ", not by a bench of this data directory."
            + " Point --druid-url at a Druid cluster of its own (e.g. backends/druid-testcluster/druid-dev.sh).");
      }
    }
    Set<String> star = new TreeSet<>(starTables(warehouse));
    star.add(LEDGER);
    star.retainAll(served);
    if (star.isEmpty()) {
      return;
    }
    URI coordinator = URI.create(settings.option("druid.overlord-url", settings.url()).trim());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (String datasource : star) {
      HttpRequest.Builder request = HttpRequest.newBuilder(coordinator.resolve("/druid/coordinator/v1/datasources/"
          + URLEncoder.encode(datasource, StandardCharsets.UTF_8))).DELETE().timeout(Duration.ofMinutes(1));
      if (!settings.username().isEmpty()) {
        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)));
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("the Druid coordinator at " + coordinator + " did not mark " + datasource
            + " unused (HTTP " + response.statusCode() + "): " + response.body());
      }
    }
    // the historicals drop the segments at the coordinator's next run; the broker then forgets the datasource
    long deadline = System.nanoTime() + UNSERVED_TIMEOUT.toNanos();
    Set<String> left = new TreeSet<>(star);
    while (true) {
      left.retainAll(servedDatasources(warehouse));
      if (left.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the Druid broker at " + broker + " still serves " + left + " "
            + UNSERVED_TIMEOUT.toMinutes() + " minutes after they were marked unused");
      }
      Thread.sleep(1000);
    }
  }

  /** After a bench load: the work area it published from, so the next bench may empty that star again. */
  static void remember(Warehouse warehouse, Path marker) throws SQLException, IOException {
    try (Connection c = warehouse.workArea().dataSource().getConnection()) {
      Files.createDirectories(marker.getParent());
      Files.writeString(marker, StarSchema.workAreaId(c), StandardCharsets.UTF_8);
    }
  }

  private static Set<String> servedDatasources(Warehouse warehouse) throws SQLException {
    return names(warehouse.backend().dataSource().getConnection(),
        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'druid'");
  }

  /** The work area's tables, the star's among them (Druid itself knows a datasource only once it has segments). */
  private static Set<String> starTables(Warehouse warehouse) throws SQLException {
    return names(warehouse.workArea().dataSource().getConnection(),
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'");
  }

  private static String lastWorkArea(Warehouse warehouse) throws SQLException {
    try (Connection c = warehouse.backend().dataSource().getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT work_area FROM " + LEDGER + " ORDER BY __time DESC LIMIT 1")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static Set<String> names(Connection connection, String sql) throws SQLException {
    Set<String> names = new TreeSet<>();
    try (connection; Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
