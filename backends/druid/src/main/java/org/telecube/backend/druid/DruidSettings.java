package org.telecube.backend.druid;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.telecube.warehouse.backend.BackendSettings;

/**
 * Where the Druid cluster is and how loads reach it.
 *
 * @param brokerUrl the router or broker ({@code telecube.warehouse.url}): Druid SQL over Avatica
 * @param overlordUrl the overlord (or a router proxying it), which runs ingestion tasks;
 *     {@code druid.overlord-url}, else the broker URL
 * @param coordinatorUrl the coordinator (or a router proxying it), asked whether new segments are
 *     loaded; {@code druid.coordinator-url}, else the overlord URL (an overlord running inside the
 *     coordinator, or a router, serves both)
 * @param ingest how published files reach the indexers: {@code local} (a directory both share)
 *     or {@code http} (Druid pulls them from a small HTTP server TeleCube runs while publishing)
 * @param ingestDir where the publisher writes the files: for {@code local} a directory the
 *     indexers can read at the same path ({@code druid.ingest-dir}, default
 *     {@code <data dir>/druid-ingest})
 * @param httpAddress for {@code http}: the host (and port, 0 for any) Druid reaches TeleCube at
 * @param taskTimeout how long one ingestion task may run before the load fails
 * @param username Druid's user (basic authentication), or empty
 * @param password Druid's password, or empty
 */
record DruidSettings(URI brokerUrl, URI overlordUrl, URI coordinatorUrl, String ingest, Path ingestDir, String httpAddress,
                     Duration taskTimeout, String username, String password) {
  static final String OVERLORD_URL = "druid.overlord-url";
  static final String COORDINATOR_URL = "druid.coordinator-url";
  static final String INGEST = "druid.ingest";
  static final String INGEST_DIR = "druid.ingest-dir";
  static final String HTTP_ADDRESS = "druid.http-address";
  static final String TASK_TIMEOUT = "druid.task-timeout";

  static DruidSettings of(BackendSettings settings) {
    URI broker = httpUrl(settings.url(), "telecube.warehouse.url (TELECUBE_WAREHOUSE_URL)");
    URI overlord = httpUrl(settings.option(OVERLORD_URL, settings.url()),
        "telecube.druid.overlord-url (TELECUBE_DRUID_OVERLORD_URL)");
    URI coordinator = httpUrl(settings.option(COORDINATOR_URL, settings.option(OVERLORD_URL, settings.url())),
        "telecube.druid.coordinator-url (TELECUBE_DRUID_COORDINATOR_URL)");
    String ingest = settings.option(INGEST, "local").toLowerCase(Locale.ROOT);
    if (!ingest.equals("local") && !ingest.equals("http")) {
      throw new IllegalArgumentException("TELECUBE_DRUID_INGEST must be local or http, not '" + ingest + "'");
    }
    Path dir = Path.of(settings.option(INGEST_DIR, settings.dataDir().resolve("druid-ingest").toString()))
        .toAbsolutePath();
    Duration timeout;
    try {
      timeout = Duration.parse(settings.option(TASK_TIMEOUT, "PT30M"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("TELECUBE_DRUID_TASK_TIMEOUT must be an ISO-8601 duration such as PT30M, not '"
          + settings.option(TASK_TIMEOUT, "") + "'");
    }
    return new DruidSettings(broker, overlord, coordinator, ingest, dir, settings.option(HTTP_ADDRESS, "127.0.0.1"), timeout,
        settings.username(), settings.password());
  }

  /** The broker's Avatica endpoint as a JDBC URL. */
  String avaticaUrl() {
    return "jdbc:avatica:remote:url=" + brokerUrl.resolve("/druid/v2/sql/avatica/") + ";transparent_reconnection=true";
  }

  private static URI httpUrl(String value, String setting) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(setting + " is required for the Druid backend: the router or broker,"
          + " e.g. http://druid-router:8888");
    }
    URI uri;
    try {
      uri = URI.create(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + " is not a URL: " + value);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(setting + " must be an http(s) URL such as http://druid-router:8888, not "
          + value);
    }
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
  }
}
