package org.telecube.server.cli;

import java.sql.Connection;
import java.util.concurrent.Callable;
import org.telecube.etl.publish.Publishing;
import org.telecube.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code telecube etl publish}: sends the whole work area to the PostgreSQL or Druid warehouse
 * again. A load publishes only what it changed; a warehouse published by an older TeleCube lacks
 * what newer ones publish (the aggregate tables, fact_billing.first_line) until this runs once.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Publish every table of the work area to the warehouse again, whole (after an upgrade, or to repair it).")
final class EtlPublishCommand implements Callable<Integer> {
  @ParentCommand
  EtlCommand etl;

  @Override
  public Integer call() throws Exception {
    try (Warehouse warehouse = Warehouse.open(etl.root.backendSettings())) {
      if (warehouse.backend().publisher().inPlace()) {
        System.out.println(CliMessages.get("publish.in_place", warehouse.backend().name()));
        return 0;
      }
      System.out.println(CliMessages.get("publish.started", warehouse.backend().name()));
      long started = System.nanoTime();
      try (Connection c = warehouse.workArea().dataSource().getConnection()) {
        c.setAutoCommit(false);
        try {
          long batch = Publishing.republish(warehouse.backend(), c);
          c.commit();
          System.out.println(CliMessages.get("publish.done", warehouse.backend().name(), batch,
              String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9)));
        } catch (Exception e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      }
    }
    return 0;
  }
}
