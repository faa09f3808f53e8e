package org.telecube.server.cli;

import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.telecube.server.TelecubeApplication;
import org.telecube.server.security.AdminBootstrap;
import org.telecube.warehouse.backend.WarehouseUnavailableException;
import org.telecube.backend.duckdb.DuckDbBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code telecube serve}: the HTTP API (and later the UI) over the warehouse. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the cube API on HTTP.")
final class ServeCommand implements Callable<Integer> {
  private static volatile boolean serving;

  @ParentCommand
  TelecubeCommand root;

  @Option(names = "--port", defaultValue = "${env:TELECUBE_PORT:-8080}", description = "HTTP port (default 8080).")
  int port;

  static boolean serving() {
    return serving;
  }

  @Override
  public Integer call() {
    start(root, port);
    return 0;
  }

  static ConfigurableApplicationContext start(TelecubeCommand root, int port) {
    java.nio.file.Path dataDir = root.dataDir.toAbsolutePath().normalize();
    checkFree(dataDir);
    SpringApplication app = new SpringApplication(TelecubeApplication.class);
    ConfigurableApplicationContext context = app.run("--telecube.data-dir=" + dataDir,
        "--server.port=" + port, "--telecube.backend=" + root.backendSettings().backend());
    serving = true;
    String url = "http://localhost:" + port + "/";
    String served = context.getBean(org.telecube.warehouse.Warehouse.class).backend().location();
    System.out.println();
    System.out.println("TeleCube is serving " + (served.startsWith("jdbc:") ? served + " (work area " + dataDir + ")"
        : dataDir.toString()) + " at " + url);
    System.out.println("  explorer:    " + url);
    System.out.println("  reports:     " + url + "reports.html");
    System.out.println("  churn lists: " + url + "lists.html");
    System.out.println("  schedules:   " + url + "schedules.html");
    System.out.println("  cube API:    " + url + "api/cubes");
    System.out.println("  OpenAPI:     " + url + "v3/api-docs");
    AdminBootstrap.FirstLogin login = context.getBean(AdminBootstrap.class).firstLogin();
    if (login.oneTimePassword() != null) {
      System.out.println(CliMessages.get("serve.login_once", url + "login.html", login.username(),
          login.oneTimePassword()));
    } else if (login.configured()) {
      System.out.println(CliMessages.get("serve.login_configured", url + "login.html", login.username()));
    } else {
      System.out.println(CliMessages.get("serve.login_existing", url + "login.html", login.username()));
    }
    System.out.println("Stop with Ctrl+C.");
    return context;
  }

  /**
   * Refuses, in one line and before Spring starts (whose failure would be a long stack trace),
   * a warehouse another process holds: a load, or another server.
   */
  private static void checkFree(java.nio.file.Path dataDir) {
    try {
      DuckDbBackend.checkAvailable(dataDir.resolve(DuckDbBackend.FILE_NAME));
    } catch (WarehouseUnavailableException e) {
      if (!DuckDbBackend.inUse(e)) {
        throw e;
      }
      throw new WarehouseUnavailableException(CliMessages.get("serve.busy",
          dataDir.resolve(DuckDbBackend.FILE_NAME).toString()), e);
    }
  }
}
