package org.telecube.server.bench;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.telecube.server.TelecubeApplication;
import org.telecube.server.security.UserService;
import org.telecube.warehouse.Warehouse;

/**
 * The real server, started in this JVM on a free port over a DuckDB warehouse, so questions are
 * timed as an analyst's browser meets them: HTTP, JSON, the controllers, and whatever the server
 * does in front of the engine (cache, admission, aggregates).
 */
public final class BenchServer implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final URI base;
  private final String token;

  private BenchServer(ConfigurableApplicationContext context, URI base, String token) {
    this.context = context;
    this.base = base;
    this.token = token;
  }

  /** Serves the DuckDB warehouse in {@code dataDir} (the environment's server backend settings are not used). */
  public static BenchServer start(Path dataDir) {
    SpringApplication app = new SpringApplication(TelecubeApplication.class);
    ConfigurableApplicationContext context = app.run("--telecube.data-dir=" + dataDir.toAbsolutePath().normalize(),
        "--server.port=0", "--telecube.backend=duckdb", "--telecube.warehouse.url=",
        "--logging.level.root=WARN", "--logging.level.org.telecube=WARN",
        // 20-50 clients on one token ask far more than a person's allowance: measured, not limited
        "--telecube.security.rate-limit.enabled=false");
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    // questions are asked as an analyst with a bearer token, as a BI tool asks them
    UserService users = context.getBean(UserService.class);
    String name = "bench-" + Long.toString(System.nanoTime(), 36);
    users.add(new UserService.NewUser(name, "telecube bench", null, "analyst", "HQ", users.oneTimePassword(), false));
    String token = users.createToken(name, "bench", java.time.Duration.ofDays(1)).secret();
    return new BenchServer(context, URI.create("http://127.0.0.1:" + port + "/"), token);
  }

  public URI base() {
    return base;
  }

  /** A bearer token of the analyst the questions are asked as. */
  public String token() {
    return token;
  }

  public Warehouse warehouse() {
    return context.getBean(Warehouse.class);
  }

  @Override
  public void close() {
    context.close();
  }
}
