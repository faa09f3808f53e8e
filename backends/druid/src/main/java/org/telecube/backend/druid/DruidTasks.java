package org.telecube.backend.druid;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;

/** The overlord's task API: submit a spec, follow the task to SUCCESS or FAILED with Druid's reason. */
final class DruidTasks {
  private final DruidSettings settings;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  DruidTasks(DruidSettings settings) {
    this.settings = settings;
  }

  /** Druid's last word on a task: SUCCESS, or FAILED and why. */
  record Status(String state, String reason) {
    boolean success() {
      return "SUCCESS".equals(state);
    }

    boolean complete() {
      return "SUCCESS".equals(state) || "FAILED".equals(state);
    }
  }

  String submit(String spec) throws SQLException {
    HttpResponse<String> response = send(request("/druid/indexer/v1/task")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(spec, StandardCharsets.UTF_8)).build());
    if (response.statusCode() / 100 != 2) {
      throw new SQLException("the Druid overlord at " + settings.overlordUrl() + " refused an ingestion task (HTTP "
          + response.statusCode() + "): " + response.body());
    }
    return json(response.body()).path("task").asText();
  }

  Status status(String taskId) throws SQLException {
    HttpResponse<String> response = send(request("/druid/indexer/v1/task/"
        + URLEncoder.encode(taskId, StandardCharsets.UTF_8) + "/status").GET().build());
    if (response.statusCode() == 404) {
      return new Status("WAITING", null); // not registered yet
    }
    if (response.statusCode() / 100 != 2) {
      throw new SQLException("no status for Druid task " + taskId + " (HTTP " + response.statusCode() + "): "
          + response.body());
    }
    JsonNode status = json(response.body()).path("status");
    String state = status.hasNonNull("statusCode") ? status.path("statusCode").asText()
        : status.path("status").asText("UNKNOWN");
    String reason = status.hasNonNull("errorMsg") ? status.path("errorMsg").asText() : null;
    return new Status(state, reason == null && "FAILED".equals(state) ? "the task failed without a reason; see its log"
        + " in the Druid console" : reason);
  }

  /** Follows {@code taskId} until it completes or the task timeout passes (the task is then shut down). */
  Status await(String taskId) throws SQLException {
    long deadline = System.nanoTime() + settings.taskTimeout().toNanos();
    while (true) {
      Status status = status(taskId);
      if (status.complete()) {
        return status;
      }
      if (System.nanoTime() > deadline) {
        send(request("/druid/indexer/v1/task/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8) + "/shutdown")
            .POST(HttpRequest.BodyPublishers.noBody()).build());
        return new Status("FAILED", "still " + status.state() + " after " + settings.taskTimeout()
            + " (TELECUBE_DRUID_TASK_TIMEOUT); shut down");
      }
      pause(500);
    }
  }

  /**
   * Whether the coordinator has every used segment of {@code datasource} in {@code interval} loaded
   * on a historical, reading the metadata store afresh (so a task's new segments count).
   */
  boolean loaded(String datasource, String interval) throws SQLException {
    HttpResponse<String> response = send(request(settings.coordinatorUrl(), "/druid/coordinator/v1/datasources/"
        + URLEncoder.encode(datasource, StandardCharsets.UTF_8) + "/loadstatus?forceMetadataRefresh=true&interval="
        + URLEncoder.encode(interval.replace('/', '_'), StandardCharsets.UTF_8)).GET().build());
    if (response.statusCode() == 204) {
      return true; // no used segments left in the interval: nothing to load
    }
    if (response.statusCode() / 100 != 2) {
      throw new SQLException("the Druid coordinator at " + settings.coordinatorUrl() + " gives no load status for "
          + datasource + " (HTTP " + response.statusCode() + "): " + response.body());
    }
    JsonNode percent = json(response.body()).path(datasource);
    return percent.isMissingNode() || percent.asDouble() >= 100.0;
  }

  private HttpRequest.Builder request(String path) {
    return request(settings.overlordUrl(), path);
  }

  private HttpRequest.Builder request(java.net.URI base, String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2));
    if (!settings.username().isEmpty()) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest request) throws SQLException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SQLException("cannot reach the Druid overlord at " + settings.overlordUrl() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while talking to the Druid overlord", e);
    }
  }

  private static JsonNode json(String body) throws SQLException {
    try {
      return IngestionSpec.JSON.readTree(body);
    } catch (IOException e) {
      throw new SQLException("the Druid overlord answered something that is not JSON: " + body, e);
    }
  }

  static void pause(long millis) throws SQLException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for Druid", e);
    }
  }
}
