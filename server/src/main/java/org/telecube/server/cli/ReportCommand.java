package org.telecube.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.telecube.reports.ReportService;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.churn.ChurnLists;
import org.telecube.warehouse.query.QueryEngine;
import org.telecube.backend.duckdb.DuckDbBackend;
import org.telecube.warehouse.backend.WarehouseUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code telecube report --id monthly-revenue --month 2025-12 [--scope 440000] --out file.pdf}. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Render a report (monthly-revenue, "
    + "monthly-churn) to a file (through the running server when it holds the warehouse).")
final class ReportCommand implements Callable<Integer> {
  @ParentCommand
  TelecubeCommand root;

  @Option(names = "--id", required = true, description = "Report id: monthly-revenue or monthly-churn.")
  String id;

  @Option(names = "--month", required = true, description = "Month, YYYY-MM.")
  String month;

  @Option(names = "--scope", description = "Region key (macro-region, province or city); default the country.")
  String scope;

  @Option(names = "--format", defaultValue = "pdf", description = "pdf (default), html or xlsx.")
  String format;

  @Option(names = "--locale", defaultValue = "zh-CN", description = "zh-CN (default) or en.")
  String locale;

  @Option(names = "--out", required = true, description = "File to write.")
  Path out;

  @Mixin
  ServerOption server;

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    Warehouse warehouse;
    try {
      warehouse = Warehouse.open(root.backendSettings());
    } catch (WarehouseUnavailableException e) {
      // only a work area another process holds is handed to a server; an unreachable database is the error
      if (server.url() == null || !DuckDbBackend.inUse(e)) {
        throw e;
      }
      // a running server holds the file: it renders the same document (GET /api/reports/{id})
      write(ServerClient.holding(server.url(), server.token, root.dataDir).report(id, month, scope, locale, format), started);
      return 0;
    }
    try (warehouse) {
      QueryEngine engine = new QueryEngine(warehouse.backend(), warehouse.model());
      ReportService reports = new ReportService(engine, new ChurnLists(engine));
      write(reports.render(id, month, scope, locale, format), started);
    }
    return 0;
  }

  private void write(byte[] document, long started) throws java.io.IOException {
    Files.write(out, document);
    System.out.printf("Wrote %s (%,d bytes) in %.1f s%n", out.toAbsolutePath(), document.length,
        (System.nanoTime() - started) / 1e9);
  }
}
