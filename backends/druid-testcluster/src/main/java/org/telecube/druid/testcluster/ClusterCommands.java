package org.telecube.druid.testcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command lines of the cluster's JVMs and the files they need (zoo.cfg, log4j2.xml), all under the
 * work directory. Druid's runtime properties are passed as -D system properties, which Druid reads
 * like a runtime.properties file.
 */
final class ClusterCommands {

  /** Druid's documented flags for Java 17. */
  private static final List<String> JAVA17_FLAGS = List.of(
      "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
      "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED");

  /** C1 only and the serial collector: about half the start-up time of the defaults on two cores. */
  private static final List<String> SMALL_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private final String java;
  private final String classpath;
  private final Path workDir;
  private final ClusterPorts ports;

  ClusterCommands(String java, String classpath, Path workDir, ClusterPorts ports) {
    this.java = java;
    this.classpath = classpath;
    this.workDir = workDir;
    this.ports = ports;
  }

  /** The java launcher of this JVM, so the children run on the same Java. */
  static String currentJava() {
    return ProcessHandle.current().info().command()
        .filter(command -> Files.isExecutable(Path.of(command)))
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  List<String> zooKeeper() {
    Path config = workDir.resolve("zookeeper/zoo.cfg");
    write(config, String.join("\n",
        "tickTime=2000",
        "dataDir=" + workDir.resolve("zookeeper/data"),
        "clientPort=" + ports.zooKeeper(),
        "clientPortAddress=127.0.0.1",
        "maxClientCnxns=0",
        // the admin server would grab port 8080
        "admin.enableServer=false",
        ""));
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(List.of("-Xms32m", "-Xmx128m"));
    command.addAll(SMALL_JVM);
    command.add("-Dzookeeper.admin.enableServer=false");
    command.add("-Dlog4j.configurationFile=" + log4jConfig());
    command.add("-Djava.io.tmpdir=" + directory("tmp"));
    command.addAll(List.of("-cp", classpath, "org.apache.zookeeper.server.ZooKeeperServerMain",
        config.toString()));
    return command;
  }

  List<String> druid(DruidService service) {
    Map<String, String> properties = new LinkedHashMap<>(common());
    properties.put("druid.service", service.serviceName());
    properties.put("druid.plaintextPort", Integer.toString(ports.of(service)));
    properties.putAll(specific(service));

    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xms64m"); // heaps grow as a query needs them; the RSS stays small when idle
    command.add("-Xmx" + service.heapMegabytes() + "m");
    command.add("-XX:MaxDirectMemorySize=256m");
    command.addAll(SMALL_JVM);
    command.addAll(JAVA17_FLAGS);
    command.add("-Duser.timezone=UTC"); // Druid refuses any other zone
    command.add("-Dfile.encoding=UTF-8");
    command.add("-Djava.io.tmpdir=" + directory("tmp"));
    command.add("-Dlog4j.configurationFile=" + log4jConfig());
    // Jersey logs through java.util.logging: route it into the same log4j2 configuration
    command.add("-Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager");
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(List.of("-cp", classpath, "org.apache.druid.cli.Main", "server", service.command()));
    return command;
  }

  private Map<String, String> common() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("druid.host", "127.0.0.1");
    p.put("druid.zk.service.host", "127.0.0.1:" + ports.zooKeeper());
    p.put("druid.zk.paths.base", "/druid");
    // local deep storage, Derby and file task logs are built in: no extension to load
    p.put("druid.extensions.loadList", "[]");
    p.put("druid.extensions.directory", directory("extensions").toString());
    p.put("druid.extensions.hadoopDependenciesDir", directory("hadoop-dependencies").toString());
    p.put("druid.metadata.storage.type", "derby");
    p.put("druid.metadata.storage.connector.connectURI", "jdbc:derby://127.0.0.1:" + ports.derby() + "/"
        + workDir.resolve("metadata/druid") + ";create=true");
    p.put("druid.metadata.storage.connector.host", "127.0.0.1");
    p.put("druid.metadata.storage.connector.port", Integer.toString(ports.derby()));
    p.put("druid.storage.type", "local");
    p.put("druid.storage.storageDirectory", directory("deep-storage").toString());
    p.put("druid.indexer.logs.type", "file");
    p.put("druid.indexer.logs.directory", directory("task-logs").toString());
    p.put("druid.selectors.indexing.serviceName", "druid/overlord");
    p.put("druid.selectors.coordinator.serviceName", "druid/coordinator");
    p.put("druid.emitter", "noop");
    p.put("druid.monitoring.monitors", "[]");
    p.put("druid.startup.logging.logProperties", "false");
    p.put("druid.lookup.enableLookupSyncOnStartup", "false");
    p.put("druid.processing.buffer.sizeBytes", Integer.toString(50 * 1024 * 1024));
    p.put("druid.processing.numThreads", "1");
    // GROUPING SETS (the planner's totals in one statement) need two merge buffers; the broker and
    // the historical get three (see there)
    p.put("druid.processing.numMergeBuffers", "2");
    p.put("druid.processing.tmpDir", directory("processing-tmp").toString());
    p.put("druid.server.http.numThreads", "16");
    p.put("druid.sql.planner.metadataRefreshPeriod", "PT5S");
    return p;
  }

  /**
   * Grouping sets over the planner's pre-aggregated subquery (totals at 100,000 subscribers x 12
   * months) need three merge buffers where queries run; (1 thread + 3 + 1) x 50 MB fits the 256 MB of
   * direct memory. Not on the indexer: its segment merging needs the rest of that memory (with three
   * it failed with "Cannot reserve 65536 bytes of direct buffer memory").
   */
  private static final String QUERY_MERGE_BUFFERS = "3";

  private Map<String, String> specific(DruidService service) {
    Map<String, String> p = new LinkedHashMap<>();
    switch (service) {
      case COORDINATOR -> {
        p.put("druid.coordinator.asOverlord.enabled", "true");
        p.put("druid.coordinator.asOverlord.overlordService", "druid/overlord");
        p.put("druid.coordinator.startDelay", "PT1S");
        p.put("druid.coordinator.period", "PT5S");
        p.put("druid.manager.segments.pollDuration", "PT2S");
        p.put("druid.manager.rules.pollDuration", "PT5S");
        p.put("druid.indexer.queue.startDelay", "PT1S");
        p.put("druid.indexer.storage.type", "metadata");
        p.put("druid.indexer.runner.type", "httpRemote");
      }
      case BROKER -> {
        p.put("druid.sql.enable", "true");
        p.put("druid.sql.avatica.enable", "true");
        p.put("druid.broker.http.numConnections", "5");
        p.put("druid.broker.cache.useCache", "false");
        p.put("druid.broker.cache.populateCache", "false");
        p.put("druid.processing.numMergeBuffers", QUERY_MERGE_BUFFERS);
      }
      case HISTORICAL -> {
        p.put("druid.segmentCache.locations", "[{\"path\":\"" + directory("segment-cache")
            + "\",\"maxSize\":\"1000000000\"}]");
        p.put("druid.server.maxSize", "1000000000");
        p.put("druid.historical.cache.useCache", "false");
        p.put("druid.historical.cache.populateCache", "false");
        p.put("druid.processing.numMergeBuffers", QUERY_MERGE_BUFFERS);
      }
      case INDEXER -> {
        p.put("druid.worker.capacity", "4");
        p.put("druid.indexer.task.baseTaskDir", directory("tasks").toString());
        p.put("druid.indexer.task.restoreTasksOnRestart", "false");
      }
      default -> throw new IllegalArgumentException(service.name());
    }
    return p;
  }


  /** INFO to the console, which the harness sends to the service's log file. */
  private Path log4jConfig() {
    Path config = workDir.resolve("conf/log4j2.xml");
    if (!Files.exists(config)) {
      write(config, """
          <?xml version="1.0" encoding="UTF-8"?>
          <Configuration status="WARN">
            <Appenders>
              <Console name="Console" target="SYSTEM_OUT">
                <PatternLayout pattern="%d{ISO8601} %p [%t] %c - %m%n"/>
              </Console>
            </Appenders>
            <Loggers>
              <Root level="info"><AppenderRef ref="Console"/></Root>
              <Logger name="org.apache.zookeeper" level="warn"/>
              <Logger name="org.apache.curator" level="warn"/>
              <Logger name="org.eclipse.jetty" level="warn"/>
            </Loggers>
          </Configuration>
          """);
    }
    return config;
  }

  Path directory(String name) {
    Path dir = workDir.resolve(name);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + dir, e);
    }
    return dir;
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
