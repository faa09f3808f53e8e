package org.telecube.server.etl;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where uploaded feed files wait while they load: {@code <data-dir>/spool}, readable by the
 * server's user only. Tomcat streams each part to {@code spool/upload} ({@link UploadConfiguration});
 * a batch's files are then moved into a directory of their own, {@code spool/<uuid>/<name>},
 * which goes when the batch ends however it ends. What a crash left behind goes on the next start.
 */
@Component
class UploadSpool {
  private static final Logger LOG = LoggerFactory.getLogger(UploadSpool.class);
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  private final Path dir;

  UploadSpool(@Value("${telecube.data-dir}") String dataDir) throws IOException {
    this.dir = Path.of(dataDir).toAbsolutePath().normalize().resolve("spool");
    ownerOnly(dir);
    try (Stream<Path> stale = Files.list(dir)) {
      for (Path p : stale.toList()) {
        delete(p);
      }
    }
    ownerOnly(parts());
  }

  /** The spool directory. */
  Path dir() {
    return dir;
  }

  /** Where Tomcat writes the parts of a multipart request as they arrive. */
  Path parts() {
    return dir.resolve("upload");
  }

  /** A new, empty directory for one batch's files. */
  Path newBatch() throws IOException {
    Path batch = dir.resolve(UUID.randomUUID().toString());
    if (POSIX) {
      Files.createDirectory(batch, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } else {
      Files.createDirectory(batch);
    }
    return batch;
  }

  /** Deletes {@code path} and everything under it; what cannot be deleted is logged, never thrown. */
  static void delete(Path path) {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(path)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      LOG.warn("cannot delete the spooled upload {}: {}", path, e.getMessage());
    }
  }

  /** Creates {@code dir} if needed and makes it the server user's only (where the file system has POSIX modes). */
  static void ownerOnly(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (POSIX) {
      Files.setPosixFilePermissions(dir, OWNER_ONLY);
    }
  }
}
