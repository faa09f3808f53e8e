package org.telecube.druid.testcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A real Druid cluster on 127.0.0.1: ZooKeeper, then a coordinator (with the overlord and the Derby
 * metadata store inside), a broker, a historical and an indexer, each a child JVM on this module's
 * classpath with its log under {@code workDir/logs}. Ports are free ones chosen at start, so suites in
 * other modules may run beside it. {@link #close()} stops the Druid services before ZooKeeper, which they
 * would otherwise try to reconnect to for ever.
 */
public final class DruidTestCluster implements AutoCloseable {

  /** System property naming the shared cluster's work directory (surefire sets target/druid-cluster). */
  public static final String WORK_DIR_PROPERTY = "telecube.druid.workDir";

  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final int LOG_TAIL_LINES = 40;
  private static final String PIDS_FILE = "pids";

  /** loadstatus looks at the last two weeks unless told otherwise; test data may lie anywhere. */
  private static final String ALL_TIME = "1000-01-01T00:00:00Z%2F3000-01-01T00:00:00Z";

  private static DruidTestCluster shared;

  private final Path workDir;
  private final ClusterPorts ports;
  private final ChildJvm zooKeeper;
  private final List<ChildJvm> druid;
  private long startupMillis;

  private DruidTestCluster(Path workDir, ClusterPorts ports, ChildJvm zooKeeper, List<ChildJvm> druid) {
    this.workDir = workDir;
    this.ports = ports;
    this.zooKeeper = zooKeeper;
    this.druid = druid;
  }

  /** The cluster of this JVM, started on first use and stopped when the JVM exits. */
  public static synchronized DruidTestCluster shared() {
    if (shared == null) {
      String dir = System.getProperty(WORK_DIR_PROPERTY);
      Path workDir = dir == null || dir.isBlank() ? Path.of("target", "druid-cluster") : Path.of(dir);
      DruidTestCluster cluster = start(workDir);
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "druid-test-cluster-stop"));
      shared = cluster;
    }
    return shared;
  }

  /**
   * Starts a fresh cluster in {@code workDir} (emptied first; processes a crashed run left behind, as
   * recorded in its pids file, are stopped) and waits until every service is ready.
   */
  public static DruidTestCluster start(Path workDir) {
    long started = System.nanoTime();
    Path dir = workDir.toAbsolutePath();
    stopRecorded(dir);
    deleteRecursively(dir);
    String classpath = DruidClasspath.read();
    ClusterPorts ports = ClusterPorts.free();
    ClusterCommands commands = new ClusterCommands(ClusterCommands.currentJava(), classpath, dir, ports);
    commands.directory("ingest");

    ChildJvm zooKeeper = ChildJvm.start("zookeeper", commands.zooKeeper(), dir, dir.resolve("logs/zookeeper.log"));
    List<ChildJvm> druid = new ArrayList<>();
    DruidTestCluster cluster = new DruidTestCluster(dir, ports, zooKeeper, druid);
    try {
      cluster.await(zooKeeper, () -> listening(ports.zooKeeper()), "accept connections on port " + ports.zooKeeper(),
          started);
      for (DruidService service : DruidService.values()) {
        druid.add(ChildJvm.start(service.command(), commands.druid(service), dir,
            dir.resolve("logs/" + service.command() + ".log")));
        cluster.recordPids(); // at each start, so a crash midway leaves nothing unrecorded
      }
      cluster.awaitReady(started);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    cluster.startupMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    return cluster;
  }

  public URI coordinatorUrl() {
    return url(ports.coordinator());
  }

  /** The overlord runs inside the coordinator, so this is the coordinator's URL. */
  public URI overlordUrl() {
    return url(ports.coordinator());
  }

  public URI brokerUrl() {
    return url(ports.broker());
  }

  /** JDBC URL of Druid SQL over Avatica on the broker. */
  public String avaticaJdbcUrl() {
    return "jdbc:avatica:remote:url=" + brokerUrl() + "druid/v2/sql/avatica/";
  }

  /** A directory the indexer may read files from for {@code local} input sources. */
  public Path ingestionDirectory() {
    return workDir.resolve("ingest");
  }

  public Path workDir() {
    return workDir;
  }

  /** From the call to start until every service was ready. */
  public long startupMillis() {
    return startupMillis;
  }

  public OverlordClient overlord() {
    return new OverlordClient(overlordUrl());
  }

  /** Total resident memory of the cluster's JVMs (Linux /proc; 0 elsewhere). */
  public long residentBytes() {
    long total = zooKeeper.residentBytes();
    for (ChildJvm jvm : druid) {
      total += jvm.residentBytes();
    }
    return total;
  }

  public Connection openConnection() throws SQLException {
    return DriverManager.getConnection(avaticaJdbcUrl());
  }

  /**
   * Waits until the coordinator reports the datasource fully loaded and the broker's SQL knows it:
   * freshly published segments become queryable within seconds with the cluster's short poll periods.
   */
  public void awaitQueryable(String datasource, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    URI loadStatus = coordinatorUrl().resolve("/druid/coordinator/v1/datasources/" + datasource + "/loadstatus?forceMetadataRefresh=false&interval=" + ALL_TIME);
    String lastProblem = "";
    while (System.nanoTime() < deadline) {
      try {
        Http.Response status = Http.get(loadStatus);
        if (status.ok() && status.body().contains("100.0")) {
          try (Connection connection = openConnection(); Statement statement = connection.createStatement();
               ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM \"" + datasource + "\"")) {
            if (rows.next() && rows.getLong(1) > 0) {
              return;
            }
            lastProblem = "the broker counts no rows yet";
          }
        } else {
          lastProblem = "load status HTTP " + status.status() + ": " + status.body();
        }
      } catch (SQLException | RuntimeException e) {
        lastProblem = e.getMessage();
      }
      Sleep.millis(500);
    }
    throw new IllegalStateException("Datasource " + datasource + " is not queryable after " + timeout + ": "
        + lastProblem + System.lineSeparator() + "broker log:" + System.lineSeparator()
        + druid(DruidService.BROKER).tail(LOG_TAIL_LINES));
  }

  /** Stops the Druid services (terminate, 10 s grace, then kill), then ZooKeeper. */
  @Override
  public synchronized void close() {
    long deadline = System.nanoTime() + GRACE.toNanos();
    druid.forEach(ChildJvm::destroy);
    druid.forEach(jvm -> jvm.awaitOrKill(deadline));
    zooKeeper.destroy();
    zooKeeper.awaitOrKill(System.nanoTime() + GRACE.toNanos());
    try {
      Files.deleteIfExists(workDir.resolve(PIDS_FILE));
    } catch (IOException ignored) {
      // a stale pids file names dead processes only; the next start checks them
    }
  }

  private void awaitReady(long started) {
    for (DruidService service : DruidService.values()) {
      ChildJvm jvm = druid(service);
      URI health = url(ports.of(service)).resolve("/status/health");
      await(jvm, () -> Http.answers(health), "answer " + health, started);
    }
    ChildJvm coordinator = druid(DruidService.COORDINATOR);
    URI leader = overlordUrl().resolve("/druid/indexer/v1/leader");
    await(coordinator, () -> Http.answers(leader), "lead as overlord (" + leader + ")", started);
    URI workers = overlordUrl().resolve("/druid/indexer/v1/workers");
    await(druid(DruidService.INDEXER), () -> hasWorker(workers), "register as the overlord's worker", started);
    await(druid(DruidService.BROKER), this::answersSelectOne, "answer SELECT 1 at " + avaticaJdbcUrl(), started);
  }

  private boolean hasWorker(URI workers) {
    try {
      Http.Response response = Http.get(workers);
      return response.ok() && response.body().contains("\"worker\"");
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  private boolean answersSelectOne() {
    try (Connection connection = openConnection(); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT 1")) {
      return rows.next() && rows.getInt(1) == 1;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /** Polls a readiness check; fails early when any JVM died, with the last lines of the guilty log. */
  private void await(ChildJvm service, BooleanSupplier ready, String what, long started) {
    long deadline = started + STARTUP_TIMEOUT.toNanos();
    while (!ready.getAsBoolean()) {
      for (ChildJvm jvm : all()) {
        if (!jvm.isAlive()) {
          throw new IllegalStateException("The Druid test cluster's " + jvm.name() + " exited during start-up"
              + " (waiting for " + service.name() + " to " + what + "); last lines of " + jvm.log() + ":"
              + System.lineSeparator() + jvm.tail(LOG_TAIL_LINES));
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The Druid test cluster's " + service.name() + " did not " + what
            + " within " + STARTUP_TIMEOUT + "; last lines of " + service.log() + ":" + System.lineSeparator()
            + service.tail(LOG_TAIL_LINES));
      }
      Sleep.millis(250);
    }
  }

  private List<ChildJvm> all() {
    List<ChildJvm> all = new ArrayList<>(druid);
    all.add(zooKeeper);
    return all;
  }

  private ChildJvm druid(DruidService service) {
    return druid.get(service.ordinal());
  }


  private static URI url(int port) {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Druid services first, ZooKeeper last: the order {@link #stopRecorded} stops them in. */
  private void recordPids() {
    StringBuilder text = new StringBuilder();
    for (ChildJvm jvm : druid) {
      text.append(jvm.name()).append(' ').append(jvm.pid()).append('\n');
    }
    text.append(zooKeeper.name()).append(' ').append(zooKeeper.pid()).append('\n');
    text.append("broker ").append(brokerUrl()).append('\n');
    try {
      Files.writeString(workDir.resolve(PIDS_FILE), text);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot record the cluster's pids in " + workDir, e);
    }
  }

  /** Stops the JVMs a pids file names (a cluster started by hand, or left behind by a killed run). */
  static int stopRecorded(Path workDir) {
    Path pids = workDir.resolve(PIDS_FILE);
    if (!Files.isRegularFile(pids)) {
      return 0;
    }
    List<ProcessHandle> druid = new ArrayList<>();
    List<ProcessHandle> zooKeeper = new ArrayList<>();
    try (Stream<String> lines = Files.lines(pids)) {
      lines.map(line -> line.split(" ")).filter(parts -> parts.length == 2 && parts[1].matches("\\d+"))
          .forEach(parts -> ProcessHandle.of(Long.parseLong(parts[1])).filter(DruidTestCluster::isJava)
              .ifPresent(handle -> ("zookeeper".equals(parts[0]) ? zooKeeper : druid).add(handle)));
      Files.delete(pids);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + pids, e);
    }
    stop(druid);
    stop(zooKeeper);
    return druid.size() + zooKeeper.size();
  }

  private static boolean isJava(ProcessHandle handle) {
    return handle.info().command().map(c -> c.toLowerCase(Locale.ROOT).contains("java")).orElse(false);
  }

  private static void stop(List<ProcessHandle> handles) {
    handles.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle handle : handles) {
      while (handle.isAlive() && System.nanoTime() < deadline) {
        Sleep.millis(100);
      }
      if (handle.isAlive()) {
        handle.destroyForcibly();
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot empty the cluster's work directory " + dir, e);
    }
  }

  /**
   * By hand: {@code start [workDir]} starts a cluster, records its pids and prints its URLs, leaving it
   * running; {@code stop [workDir]} stops it. Default workDir: target/druid-cluster.
   */
  public static void main(String[] args) {
    if (args.length == 0 || !(args[0].equals("start") || args[0].equals("stop"))) {
      System.err.println("usage: DruidTestCluster start|stop [workDir]");
      System.exit(2);
    }
    Path workDir = Path.of(args.length > 1 ? args[1] : "target/druid-cluster").toAbsolutePath();
    if (args[0].equals("stop")) {
      System.out.println("Stopped " + stopRecorded(workDir) + " processes of the Druid test cluster in " + workDir);
      System.exit(0);
    }
    DruidTestCluster cluster = start(workDir);
    System.out.printf(Locale.ROOT, "Druid test cluster ready in %.1f s (%d MB resident)%n",
        cluster.startupMillis() / 1000.0, cluster.residentBytes() / (1024 * 1024));
    System.out.println("broker:      " + cluster.brokerUrl());
    System.out.println("coordinator: " + cluster.coordinatorUrl() + " (overlord inside)");
    System.out.println("jdbc:        " + cluster.avaticaJdbcUrl());
    System.out.println("ingest dir:  " + cluster.ingestionDirectory());
    System.out.println("logs:        " + workDir.resolve("logs"));
    System.exit(0);
  }
}
