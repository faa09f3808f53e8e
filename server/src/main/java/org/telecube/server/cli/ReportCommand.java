package org.telecube.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.telecube.reports.ReportService;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.churn.ChurnLists;
import org.telecube.warehouse.query.QueryEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code telecube report --id monthly-revenue --month 2025-12 [--scope 440000] --out file.pdf}. */
@Command(name = "report", description = "Render a report (monthly-revenue, monthly-churn) to a file.")
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

  @Override
  public Integer call() throws Exception {
    try (Warehouse warehouse = Warehouse.openEmbedded(root.dataDir)) {
      ReportService reports = new ReportService(new QueryEngine(warehouse.backend(), warehouse.model()),
          new ChurnLists(warehouse.backend().dataSource(), warehouse.model()));
      long started = System.nanoTime();
      byte[] document = reports.render(id, month, scope, locale, format);
      Files.write(out, document);
      System.out.printf("Wrote %s (%,d bytes) in %.1f s%n", out.toAbsolutePath(), document.length,
          (System.nanoTime() - started) / 1e9);
    }
    return 0;
  }
}
