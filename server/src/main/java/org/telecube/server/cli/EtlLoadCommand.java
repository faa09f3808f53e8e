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
import org.telecube.backend.duckdb.DuckDbBackend;
import org.telecube.warehouse.backend.WarehouseUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code telecube etl load [--feed KIND] FILE|DIR...}: one batch, committed whole or not at all. */
@Command(name = "load", mixinStandardHelpOptions = true, description = "Load feed files (or every .csv/.csv.gz in a directory) as one batch.")
final class EtlLoadCommand implements Callable<Integer> {
  @ParentCommand
  EtlCommand etl;

  @Option(names = "--feed", paramLabel = "KIND", description = "Feed of every file: subscribers, billing, usage, "
      + "service_events, regions, org_units, products. Default: from each file name's prefix.")
  String feed;

  @Mixin
  ServerOption server;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Feed files or directories.")
  List<Path> files;

  @Override
  public Integer call() {
    Optional<FeedKind> forced = Optional.ofNullable(feed).map(FeedKind::ofCode);
    List<Path> paths = FeedPaths.expand(files);
    Warehouse warehouse;
    try {
      warehouse = Warehouse.open(etl.root.backendSettings());
    } catch (WarehouseUnavailableException e) {
      // only a work area another process holds is handed to a server; an unreachable database is the error
      if (server.url() == null || !DuckDbBackend.inUse(e)) {
        throw e;
      }
      // a running server holds the file: hand it the batch, if it is the server of this warehouse
      ServerClient client = ServerClient.holding(server.url(), server.token, etl.root.dataDir);
      System.out.println("The warehouse is held by a running server; handing the batch to " + server.url());
      LoadSummary summary = client.load(paths, feed);
      print(summary);
      return summary.rowsRejected() > 0 ? 3 : 0;
    }
    try (warehouse) {
      LoadSummary summary = EtlLoader.load(warehouse, paths, forced, new ConsoleLoadListener());
      return summary.rowsRejected() > 0 ? 3 : 0;
    }
  }

  /** The server's summary as a local load ends: each skipped file, the table, the first rejects. */
  private static void print(LoadSummary summary) {
    ConsoleLoadListener console = new ConsoleLoadListener(System.out, false);
    summary.files().stream().filter(f -> f.skipped()).forEach(f -> console.fileFinished(null, f));
    console.batchFinished(summary);
  }
}
