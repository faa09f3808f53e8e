package org.telecube.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default H2 store: reachable over loopback only, its key unreadable to others, never joined by a copy. */
class MetadataStoreHardeningTest {
  private static final MetadataStoreSettings DEFAULT_STORE = new MetadataStoreSettings("", "", "", 2);

  @TempDir
  Path dir;

  private HikariDataSource open(Path dataDir) {
    return new MetadataStoreConfiguration().metadataDataSource(DEFAULT_STORE, dataDir.toString());
  }

  private static Properties lockFile(Path dataDir) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(dataDir.resolve("metadata").resolve("telecube.lock.db"))) {
      p.load(in);
    }
    return p;
  }

  @Test
  void autoServerListensOnLoopbackOnlyAndItsKeyIsTheOwnersAlone() throws Exception {
    Path data = dir.resolve("data");
    try (HikariDataSource pool = open(data)) {
      String server = lockFile(data).getProperty("server");
      assertThat(server).matches("(localhost|127\\.0\\.0\\.1):\\d+"); // not this machine's network address
      int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000); // the port is there
      }
      Optional<InetAddress> other = nonLoopbackAddress();
      if (other.isPresent()) {
        assertThatThrownBy(() -> {
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(other.get(), port), 2_000);
          }
        }).isInstanceOf(IOException.class);
      }
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("metadata"))))
            .isEqualTo("rwx------");
      }
    }
  }

  @Test
  void anExistingMetadataDirectoryIsMadeOwnerOnly() throws Exception {
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    Path data = dir.resolve("old");
    Files.createDirectories(data.resolve("metadata"));
    Files.setPosixFilePermissions(data.resolve("metadata"), PosixFilePermissions.fromString("rwxr-xr-x"));
    try (HikariDataSource pool = open(data)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("metadata"))))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void aCopiedDataDirectoryIsRefusedRatherThanJoinedToTheOriginalsStore() throws Exception {
    Path original = dir.resolve("original");
    Path copy = dir.resolve("copy");
    try (HikariDataSource pool = open(original)) {
      try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
        st.execute("CREATE TABLE marker (v INT)");
      }
      copyTree(original, copy); // while it runs: the lock file names its AUTO_SERVER

      assertThatThrownBy(() -> open(copy))
          .isInstanceOf(MetadataStoreElsewhereException.class)
          .hasMessageContaining(copy.resolve("metadata").resolve("telecube").toString())
          .hasMessageContaining("telecube.lock.db");

      // a second pool on the same directory (a CLI beside the server) is the same store
      try (HikariDataSource second = open(original); Connection c = second.getConnection();
           Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM marker")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }

  /**
   * A copy made while no server ran carries the store along: it must not fire the original's
   * schedules a second time, until told to adopt them.
   */
  @Test
  void aColdCopyKeepsItsSchedulesPausedUntilAdopted() throws Exception {
    Path original;
    try (org.telecube.server.testing.TestInstance a = org.telecube.server.testing.TestInstance.start(
        java.util.Map.of())) {
      original = a.dataDir();
      assertThat(a.bean(StoreIdentity.class).mayFire()).isTrue();
      assertThat(a.bean(org.quartz.Scheduler.class).isStarted()).isTrue();
    }
    Path copy = Files.createTempDirectory("telecube-cold-copy").resolve("data");
    copyTree(original, copy);
    try (org.telecube.server.testing.TestInstance b = org.telecube.server.testing.TestInstance.start(
        java.util.Map.of("telecube.data-dir", copy.toString()))) {
      assertThat(b.bean(StoreIdentity.class).mayFire()).isFalse();
      assertThat(b.bean(StoreIdentity.class).recorded()).isEqualTo(original.toRealPath().toString());
      assertThat(b.bean(org.quartz.Scheduler.class).isStarted()).isFalse();
    }
    try (org.telecube.server.testing.TestInstance c = org.telecube.server.testing.TestInstance.start(
        java.util.Map.of("telecube.data-dir", copy.toString(), "telecube.metadata.adopt", "true"))) {
      assertThat(c.bean(StoreIdentity.class).mayFire()).isTrue();
      assertThat(c.bean(org.quartz.Scheduler.class).isStarted()).isTrue();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!ni.isUp() || ni.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(ni.getInetAddresses())) {
        if (a instanceof Inet4Address) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }
}
