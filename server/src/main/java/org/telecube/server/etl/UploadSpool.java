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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.telecube.warehouse.Warehouse;

/**
 * Where uploaded feed files wait while they load: {@code <data-dir>/spool}, readable by the
 * server's user only. Tomcat streams each part to {@code spool/upload} ({@link UploadConfiguration});
 * a batch's files are then moved into a directory of their own, {@code spool/<uuid>/<name>},
 * which goes when the batch ends however it ends. What a crash left behind goes on the next start.
 */
@Component
class UploadSpool implements SmartInitializingSingleton {
  private static final Logger LOG = LoggerFactory.getLogger(UploadSpool.class);
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  private static final Pattern BATCH = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Path dir;
  private final ObjectProvider<Warehouse> warehouse;

  UploadSpool(@Value("${telecube.data-dir}") String dataDir, ObjectProvider<Warehouse> warehouse) throws IOException {
    this.dir = Path.of(dataDir).toAbsolutePath().normalize().resolve("spool");
    this.warehouse = warehouse;
    ownerOnly(dir);
    ownerOnly(parts());
  }

  /**
   * Deletes what a crash left (part files, batch directories), once the warehouse is open: its
   * work area's file lock makes this the only server on the data directory, so nothing here is
   * another's upload in flight; and the connector, started after this, has taken no upload yet.
   */
  @Override
  public void afterSingletonsInstantiated() {
    warehouse.getObject();
    try (Stream<Path> stale = Files.list(dir)) {
      for (Path p : stale.toList()) {
        String name = p.getFileName().toString();
        if (BATCH.matcher(name).matches()) {
          delete(p);
        }
      }
      try (Stream<Path> parts = Files.list(parts())) {
        for (Path p : parts.toList()) {
          delete(p);
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      LOG.warn("cannot clear the upload spool {}: {}", dir, e.getMessage());
    }
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
