package org.telecube.etl.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telecube.warehouse.Warehouse;

/**
 * Child JVM of {@link CrashSafetyTest}: {@code CrashLoadChild <dataDir> <mark> <file>...} loads
 * the files as one batch and prints {@code MARK} once the load reaches {@code mark}: {@code reading}
 * (100,000 rows into a usage file: reference, subscribers and billing already merged inside the
 * open transaction) or {@code deriving} (the facts being rebuilt). Prints {@code DONE} if it ever
 * commits.
 */
public final class CrashLoadChild {
  private CrashLoadChild() {
  }

  public static void main(String[] args) {
    Path data = Path.of(args[0]);
    String mark = args[1];
    List<Path> files = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      files.add(Path.of(args[i]));
    }
    LoadListener listener = new LoadListener() {
      private boolean marked;

      @Override
      public void rowsProgressed(FeedFile file, long rowsRead, long bytesRead) {
        if (mark.equals("reading") && file.kind().code().equals("usage") && rowsRead >= 100_000) {
          mark();
        }
      }

      @Override
      public void phase(String description) {
        if (mark.equals("deriving") && description.startsWith("deriving")) {
          mark();
        }
      }

      private void mark() {
        if (!marked) {
          marked = true;
          System.out.println("MARK");
          System.out.flush();
        }
      }
    };
    try (Warehouse w = Warehouse.openEmbedded(data)) {
      EtlLoader.load(w, files, Optional.empty(), listener);
    }
    System.out.println("DONE");
  }
}
