package org.telecube.server.cli;

import java.nio.file.Path;
import org.telecube.server.metadata.MetadataStoreConfiguration;
import org.telecube.warehouse.backend.BackendSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code telecube <command>}: the product's single entry point. */
@Command(name = "telecube", mixinStandardHelpOptions = true, version = "TeleCube 0.1.0",
    description = "OLAP warehouse and reporting for a telecom operator.",
    subcommands = {ServeCommand.class, DemoCommand.class, GenerateCommand.class, EtlCommand.class,
        QueryCommand.class, BenchCommand.class, ChurnEvaluateCommand.class, AnalysisSettingsCommand.class, ReportCommand.class, UserCommand.class, CommandLine.HelpCommand.class})
public final class TelecubeCommand {

  @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
      defaultValue = "${env:TELECUBE_DATA_DIR:-./data}",
      description = "Where the warehouse lives (default: $TELECUBE_DATA_DIR or ./data).")
  Path dataDir;

  @Option(names = "--backend", scope = ScopeType.INHERIT, paramLabel = "NAME",
      defaultValue = "${env:TELECUBE_BACKEND:-duckdb}",
      description = "duckdb (default; a file in the data directory), postgres or druid (at $TELECUBE_WAREHOUSE_URL,"
          + " as $TELECUBE_WAREHOUSE_USERNAME with $TELECUBE_WAREHOUSE_PASSWORD; Druid's own settings in"
          + " $TELECUBE_DRUID_*). Default: $TELECUBE_BACKEND or duckdb.")
  String backend;

  /** The warehouse this command works on: the backend chosen, the rest from the environment. */
  BackendSettings backendSettings() {
    return BackendSettings.fromEnvironment(dataDir).withBackend(backend);
  }

  public static void main(String[] args) {
    MetadataStoreConfiguration.loopbackOnly(); // before any H2 class loads its settings
    int code = commandLine().execute(args);
    if (code != 0 || !ServeCommand.serving()) {
      System.exit(code);
    }
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new TelecubeCommand());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println(cmd.getColorScheme().errorText("error: " + CliErrors.describe(e)));
      return 2;
    });
    return cl;
  }
}
