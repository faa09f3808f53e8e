package org.telecube.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.telecube.server.TelecubeApplication;

/**
 * One TeleCube server started in this JVM on a copy of the sample warehouse, with the properties
 * a test gives it (as command-line arguments, so they beat application.properties). Tests start,
 * stop and restart these to play several servers and restarts on one metadata store.
 */
public final class TestInstance implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final Path dataDir;

  private TestInstance(ConfigurableApplicationContext context, Path dataDir) {
    this.context = context;
    this.dataDir = dataDir;
  }

  /** Starts a server whose data directory is a fresh copy of the sample warehouse. */
  public static TestInstance start(Map<String, String> properties) {
    try {
      Path dataDir = SampleWarehouse.get().copyTo(Files.createTempDirectory("telecube-instance").resolve("data"));
      Map<String, String> all = new LinkedHashMap<>();
      all.put("telecube.data-dir", dataDir.toString());
      all.put("server.port", "0");
      all.putAll(TestUsers.properties());
      all.putAll(properties);
      List<String> args = new ArrayList<>();
      all.forEach((k, v) -> args.add("--" + k + "=" + v));
      return new TestInstance(new SpringApplicationBuilder(TelecubeApplication.class).run(args.toArray(String[]::new)),
          Path.of(all.get("telecube.data-dir")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** The data directory whose warehouse file this server holds. */
  public Path dataDir() {
    return dataDir;
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** Stops the server as a shutdown does: Quartz waits for running deliveries, then everything closes. */
  @Override
  public void close() {
    context.close();
  }
}
