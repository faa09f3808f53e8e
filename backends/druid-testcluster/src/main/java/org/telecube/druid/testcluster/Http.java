package org.telecube.druid.testcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to the cluster's services (JSON in, text out). */
final class Http {

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  private Http() {}

  /** A response: its status code and body. */
  record Response(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  static Response get(URI uri) {
    return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build());
  }

  static Response postJson(URI uri, String json) {
    return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** True when the service answers 2xx; false when it is not (yet) listening or answers otherwise. */
  static boolean answers(URI uri) {
    try {
      return get(uri).ok();
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  private static Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), e);
    }
  }
}
