package org.telecube.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Sends a batch to a running server's {@code POST /api/etl/batches} and prints its answer. */
final class ServerHandOver {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServerHandOver() {
  }

  static int load(String server, List<Path> files, String feed) {
    ObjectNode body = JSON.createObjectNode();
    files.forEach(f -> body.withArray("files").add(f.toAbsolutePath().toString()));
    if (feed != null) {
      body.put("feed", feed);
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.replaceAll("/+$", "") + "/api/etl/batches"))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    try {
      HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
          .send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode answer = JSON.readTree(response.body());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the server refused the batch: " + answer.path("detail").asText(response.body()));
      }
      System.out.printf("Batch %d loaded by the server: %,d rows read, %,d loaded, %,d rejected in %.1f s%n",
          answer.path("batchId").asLong(), sum(answer, "rowsRead"), sum(answer, "rowsLoaded"),
          sum(answer, "rowsRejected"), answer.path("seconds").asDouble());
      for (JsonNode r : answer.path("rejects").path("first")) {
        System.out.printf("  rejected %s line %d, %s: %s%n", r.path("fileName").asText(), r.path("line").asLong(),
            r.path("column").asText("-"), r.path("reason").asText());
      }
      return sum(answer, "rowsRejected") > 0 ? 3 : 0;
    } catch (ConnectException e) {
      throw new IllegalStateException("the warehouse is in use by another process and no server answers at " + server
          + "; stop the other process or pass --server URL", e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach " + server + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static long sum(JsonNode summary, String field) {
    long total = 0;
    for (JsonNode f : summary.path("files")) {
      total += f.path(field).asLong();
    }
    return total;
  }
}
