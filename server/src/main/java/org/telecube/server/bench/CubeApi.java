package org.telecube.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.telecube.warehouse.query.CubeQuery;

/**
 * The cube API as the bench calls it: a question POSTed as JSON, the whole answer read. Every
 * call names whether the result cache may answer ({@code Cache-Control: no-cache} otherwise) and
 * whether aggregate tables may ({@code X-TeleCube-Aggregates: off} forces the base facts).
 */
public final class CubeApi {
  public static final String AGGREGATES_HEADER = "X-TeleCube-Aggregates";

  /** How a request is sent. */
  public record Mode(boolean cache, boolean aggregates) {
    public static final Mode FRESH = new Mode(false, true);
    public static final Mode FRESH_BASE = new Mode(false, false);
    public static final Mode CACHED = new Mode(true, true);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http;
  private final URI base;
  private final Duration timeout;
  private final String token;

  public CubeApi(URI base, String token, Duration timeout) {
    this.base = base;
    this.token = token;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** The status of one question POSTed to {@code /api/cubes/{cube}/query}. */
  public int query(CubeQuery query, Mode mode) throws IOException, InterruptedException {
    return send(post("api/cubes/" + query.cube() + "/query", query, mode));
  }

  /** The status of an export of the question's answer as CSV. */
  public int export(CubeQuery query) throws IOException, InterruptedException {
    return send(post("api/cubes/" + query.cube() + "/export?format=csv", query, Mode.FRESH));
  }

  /** The status of a report rendered as PDF for the whole country. */
  public int report(String id, String month) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve("api/reports/" + id + "?format=pdf&month=" + month))
        .header("Authorization", "Bearer " + token).timeout(timeout).GET().build());
  }

  private HttpRequest post(String path, CubeQuery query, Mode mode) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofByteArray(json(query)));
    if (!mode.cache()) {
      request.header("Cache-Control", "no-cache");
    }
    if (!mode.aggregates()) {
      request.header(AGGREGATES_HEADER, "off");
    }
    return request.build();
  }

  private int send(HttpRequest request) throws IOException, InterruptedException {
    // the whole body is read: an answer is timed until the client holds it
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
  }

  private static byte[] json(CubeQuery query) {
    try {
      return JSON.writeValueAsBytes(query);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
