package org.telecube.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.telecube.etl.feed.FeedKind;
import org.telecube.etl.load.ConsoleLoadListener;
import org.telecube.etl.load.EtlLoader;
import org.telecube.etl.load.LoadSummary;
import org.telecube.warehouse.Warehouse;
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

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Feed files or directories.")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    Optional<FeedKind> forced = Optional.ofNullable(feed).map(FeedKind::ofCode);
    try (Warehouse warehouse = Warehouse.openEmbedded(etl.root.dataDir)) {
      LoadSummary summary = EtlLoader.load(warehouse, expand(files), forced, new ConsoleLoadListener());
      return summary.rowsRejected() > 0 ? 3 : 0;
    }
  }

  /** Files as given; directories replaced by their feed files, by name. */
  static List<Path> expand(List<Path> paths) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.getFileName().toString().endsWith(".csv") || f.getFileName().toString().endsWith(".csv.gz"))
              .sorted().forEach(out::add);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }
}
