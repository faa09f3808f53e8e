package org.telecube.server.etl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The directory operators put feed files in for the server to load ({@code telecube.etl.inbox},
 * {@code <data-dir>/inbox} by default, created on start). Clients name its files by name only;
 * a name resolves to a feed file ({@code .csv}, {@code .csv.gz}): a regular, readable file
 * directly in the inbox whose real path (links followed) is in the inbox too, or to nothing —
 * whether it is missing, a directory, unreadable, outside or not a name at all, so an answer
 * never tells what exists elsewhere on the server.
 */
@Component
class FeedInbox {
  private final Path dir;

  FeedInbox(@Value("${telecube.etl.inbox:${telecube.data-dir}/inbox}") String inbox) throws IOException {
    this.dir = Path.of(inbox).toAbsolutePath().normalize();
    Files.createDirectories(dir);
  }

  /** The inbox as configured (absolute). */
  Path dir() {
    return dir;
  }

  /** The file {@code name} stands for, by its real path, or empty (see the class comment). */
  Optional<Path> file(String name) {
    if (name == null || !(name.endsWith(".csv") || name.endsWith(".csv.gz")) || name.indexOf('/') >= 0
        || name.indexOf('\\') >= 0 || name.chars().anyMatch(Character::isISOControl)) {
      return Optional.empty();
    }
    try {
      Path root = dir.toRealPath();
      Path candidate = root.resolve(name);
      if (!root.equals(candidate.getParent())) {
        return Optional.empty();
      }
      // the real path is what is loaded, so a link swapped after this check cannot lead outside
      Path real = candidate.toRealPath();
      return real.startsWith(root) && Files.isRegularFile(real) && Files.isReadable(real)
          ? Optional.of(real) : Optional.empty();
    } catch (IOException | InvalidPathException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** The feed files ({@code .csv}, {@code .csv.gz}) a batch could name, by name; no subdirectories. */
  List<InboxFile> files() {
    List<InboxFile> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir.toRealPath())) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        Optional<Path> file = file(name);
        if (file.isPresent()) {
          try {
            BasicFileAttributes attributes = Files.readAttributes(file.get(), BasicFileAttributes.class);
            files.add(new InboxFile(name, attributes.size(), attributes.lastModifiedTime().toInstant()));
          } catch (IOException e) {
            // gone since it was listed
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // the message would name the inbox's path
      throw new IllegalStateException("cannot list the feed inbox", e);
    }
    files.sort(Comparator.comparing(InboxFile::name));
    return files;
  }
}
