package org.telecube.etl.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.telecube.etl.feed.IoReasons;

/** What users name when they load: files, or directories standing for their feed files. */
public final class FeedPaths {
  private FeedPaths() {
  }

  /**
   * Files as given; each directory replaced by its {@code .csv} and {@code .csv.gz} files, by name.
   *
   * @throws BatchRefusedException a directory cannot be listed
   */
  public static List<Path> expand(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.isDirectory(p)) {
        out.add(p);
        continue;
      }
      try (Stream<Path> s = Files.list(p)) {
        s.filter(f -> f.getFileName().toString().endsWith(".csv") || f.getFileName().toString().endsWith(".csv.gz"))
            .sorted().forEach(out::add);
      } catch (IOException | UncheckedIOException e) {
        // a refusal like any unreadable file's, naming the directory only by its name
        throw new BatchRefusedException(List.of(p.getFileName() + ": cannot list the directory: "
            + IoReasons.of(e instanceof UncheckedIOException u ? u.getCause() : e)), e);
      }
    }
    return out;
  }
}
