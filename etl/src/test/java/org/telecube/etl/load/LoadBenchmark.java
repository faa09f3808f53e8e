package org.telecube.etl.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.telecube.warehouse.Warehouse;

/**
 * Throughput run, not a test: {@code LoadBenchmark <dir> <subscribers> <billing rows> <usage rows> [gz]}.
 * Generates a synthetic set, then loads each feed in its own batch and prints the summaries.
 */
public final class LoadBenchmark {
  private LoadBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int subscribers = Integer.parseInt(args[1]);
    int billing = Integer.parseInt(args[2]);
    int usage = Integer.parseInt(args[3]);
    boolean gz = args.length > 4 && args[4].equals("gz");
    long t0 = System.nanoTime();
    String ext = gz ? ".csv.gz" : ".csv";
    List<Path> files = Files.isDirectory(dir.resolve("feeds"))
        ? List.of(dir.resolve("feeds/subscribers_2025-01-31" + ext), dir.resolve("feeds/billing_2025-01" + ext),
            dir.resolve("feeds/usage_2025-01" + ext))
        : SyntheticFeeds.set(dir.resolve("feeds"), subscribers, billing, usage, gz);
    System.out.printf("generated in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, files);
    for (Path f : files) {
      System.out.printf("%s: %,d bytes%n", f.getFileName(), Files.size(f));
    }
    deleteTree(dir.resolve("data"));
    try (Warehouse w = Warehouse.openEmbedded(dir.resolve("data"))) {
      for (Path f : files) {
        EtlLoader.load(w, List.of(f), Optional.empty(), new ConsoleLoadListener(System.out, false));
      }
    }
  }

  private static void deleteTree(Path p) throws java.io.IOException {
    if (Files.exists(p)) {
      try (var walk = Files.walk(p)) {
        for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(q);
        }
      }
    }
  }
}
