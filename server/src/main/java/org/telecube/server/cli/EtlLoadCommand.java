package org.telecube.server.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.telecube.etl.feed.FeedKind;
import org.telecube.etl.load.ConsoleLoadListener;
import org.telecube.etl.load.EtlLoader;
import org.telecube.etl.load.FeedPaths;
import org.telecube.etl.load.LoadSummary;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.backend.WarehouseUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code telecube etl load [--feed KIND] FILE|DIR...}: one batch, committed whole or not at all. */
@Command(name = "load", description = "Load feed files (or every .csv/.csv.gz in a directory) as one batch.")
final class EtlLoadCommand implements Callable<Integer> {
  @ParentCommand
  EtlCommand etl;

  @Option(names = "--feed", paramLabel = "KIND", description = "Feed of every file: subscribers, billing, usage, "
      + "service_events, regions, org_units, products. Default: from each file name's prefix.")
  String feed;

  @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:TELECUBE_SERVER:-http://localhost:8080}",
      description = "Server to hand the batch to when it holds the warehouse (default http://localhost:8080); "
          + "empty to never hand over.")
  String server;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Feed files or directories.")
  List<Path> files;

  @Override
  public Integer call() {
    Optional<FeedKind> forced = Optional.ofNullable(feed).map(FeedKind::ofCode);
    List<Path> paths = FeedPaths.expand(files);
    Warehouse warehouse;
    try {
      warehouse = Warehouse.openEmbedded(etl.root.dataDir);
    } catch (WarehouseUnavailableException e) {
      if (server == null) {
        throw e;
      }
      // a running server holds the file: hand it the batch instead
      System.out.println("The warehouse is held by a running server; handing the batch to " + server);
      return ServerHandOver.load(server, paths, feed);
    }
    try (warehouse) {
      LoadSummary summary = EtlLoader.load(warehouse, paths, forced, new ConsoleLoadListener());
      return summary.rowsRejected() > 0 ? 3 : 0;
    }
  }
}
