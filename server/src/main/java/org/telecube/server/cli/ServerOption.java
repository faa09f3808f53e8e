package org.telecube.server.cli;

import picocli.CommandLine.Option;

/**
 * {@code --server URL} and {@code --token}: where a command sends its work when a running server
 * holds the warehouse, and as whom.
 */
final class ServerOption {
  @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:TELECUBE_SERVER:-http://localhost:8080}",
      description = "Server to send the work to when it holds the warehouse (default $TELECUBE_SERVER or "
          + "http://localhost:8080); empty to never send it.")
  String url;

  @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:TELECUBE_TOKEN}",
      description = "API token to send with the work (default $TELECUBE_TOKEN); create one with "
          + "`telecube user token create USER`.")
  String token;

  /** The server, or null when the user turned handing over off. */
  String url() {
    return url == null || url.isBlank() ? null : url.trim().replaceAll("/+$", "");
  }
}
