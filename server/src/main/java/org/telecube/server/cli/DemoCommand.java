package org.telecube.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.load.ConsoleLoadListener;
import org.telecube.etl.load.EtlLoader;
import org.telecube.etl.load.FeedPaths;
import org.telecube.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code telecube demo}: generate a sample operator, load it, serve it. Running it again reuses
 * the sample and skips files already loaded.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Generate a sample, load it and serve it on HTTP.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand
  TelecubeCommand root;

  @Option(names = "--subscribers", defaultValue = "100000", description = "Subscribers (default 100000).")
  int subscribers;

  @Option(names = "--months", defaultValue = "13", description = "Months (default 13).")
  int months;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default 42).")
  long seed;

  @Option(names = "--last-month", paramLabel = "YYYY-MM",
      description = "Last month of the sample (default: last month, in Asia/Shanghai).")
  YearMonth lastMonth;

  @Option(names = "--port", defaultValue = "${env:TELECUBE_PORT:-8080}", description = "HTTP port (default 8080).")
  int port;

  @Option(names = "--no-serve", description = "Stop after loading.")
  boolean noServe;

  @Override
  public Integer call() throws Exception {
    // ends with last month by default, so that a monthly report (the month before the fire time) has data
    YearMonth last = lastMonth != null ? lastMonth : GeneratorSettings.defaultLastMonth(Clock.systemUTC());
    Path sample = root.dataDir.resolve("sample").resolve(subscribers + "x" + months + "-seed" + seed + "-to" + last);
    if (!Files.isDirectory(sample) || FeedPaths.expand(java.util.List.of(sample)).isEmpty()) {
      System.out.println("Generating " + subscribers + " subscribers x " + months + " months up to " + last + " into "
          + sample);
      GenerateCommand.generate(GeneratorSettings.defaults(sample).withSubscribers(subscribers).withMonths(months)
          .withLastMonth(last).withSeed(seed));
    } else {
      System.out.println("Reusing the sample in " + sample);
    }
    try (Warehouse warehouse = Warehouse.open(root.backendSettings())) {
      EtlLoader.load(warehouse, FeedPaths.expand(java.util.List.of(sample)), Optional.empty(),
          new ConsoleLoadListener());
    }
    if (!noServe) {
      ServeCommand.start(root, port);
    }
    return 0;
  }
}
