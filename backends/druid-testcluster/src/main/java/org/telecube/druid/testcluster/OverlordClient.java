package org.telecube.druid.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Submits native ingestion tasks to the overlord and follows them to SUCCESS or FAILED. */
public final class OverlordClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI overlord;

  public OverlordClient(URI overlord) {
    this.overlord = overlord;
  }

  /** Submits a task spec (JSON) and returns the task id. */
  public String submit(String taskSpecJson) {
    Http.Response response = Http.postJson(overlord.resolve("/druid/indexer/v1/task"), taskSpecJson);
    if (!response.ok()) {
      throw new IllegalStateException("The overlord refused the task (HTTP " + response.status() + "): "
          + response.body());
    }
    return parse(response.body()).path("task").asText();
  }

  public TaskStatus status(String taskId) {
    URI uri = overlord.resolve("/druid/indexer/v1/task/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8)
        + "/status");
    Http.Response response = Http.get(uri);
    if (!response.ok()) {
      throw new IllegalStateException("No status for task " + taskId + " (HTTP " + response.status() + "): "
          + response.body());
    }
    JsonNode status = parse(response.body()).path("status");
    String state = status.hasNonNull("statusCode") ? status.path("statusCode").asText()
        : status.path("status").asText("UNKNOWN");
    String errorMsg = status.hasNonNull("errorMsg") ? status.path("errorMsg").asText() : null;
    return new TaskStatus(taskId, state, errorMsg);
  }

  /** Polls until the task completes; the status says SUCCESS or FAILED with Druid's reason. */
  public TaskStatus awaitCompletion(String taskId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      TaskStatus status = status(taskId);
      if (status.isComplete()) {
        return status;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Task " + taskId + " did not complete within " + timeout
            + "; last state " + status.state());
      }
      Sleep.millis(500);
    }
  }

  /** Submits and waits: the common case of a test. */
  public TaskStatus run(String taskSpecJson, Duration timeout) {
    return awaitCompletion(submit(taskSpecJson), timeout);
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("The overlord answered something that is not JSON: " + body, e);
    }
  }
}
