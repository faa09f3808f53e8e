package org.telecube.server.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.telecube.etl.load.LoadSummary;
import org.telecube.backend.duckdb.DuckDbBackend;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;

/**
 * The running server that holds the warehouse file, as the command line uses it when it cannot
 * open the file itself: first it checks the server holds the same warehouse as {@code --data-dir}
 * ({@code GET /api/warehouse}), then sends the work — a batch, a query, a report.
 */
final class ServerClient {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);

  private final String server;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServerClient(String server, String token) {
    this.server = server;
    this.token = token == null || token.isBlank() ? null : token.strip();
  }

  /**
   * The server at {@code url} if it holds the warehouse of {@code dataDir}; else an error that
   * says why not (no server, or another warehouse), so nothing is sent to the wrong one.
   */
  static ServerClient holding(String url, String token, Path dataDir) {
    ServerClient client = new ServerClient(url, token);
    String mine = realPath(dataDir.resolve(DuckDbBackend.FILE_NAME));
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "/api/warehouse")).GET());
    String theirs = null;
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw refused("the server at " + url + " holds the warehouse and needs a token that may load and read it "
          + "(pass --token or set TELECUBE_TOKEN; `telecube user token create USER` makes one)",
          response.statusCode(), response.body());
    }
    if (response.statusCode() == 200) {
      JsonNode identity = read(response);
      theirs = identity.path("workArea").asText(identity.path("location").asText(null));
    }
    if (theirs == null) {
      throw new IllegalStateException("the warehouse " + mine + " is in use by another process, and the server at "
          + url + " does not say which warehouse it holds; stop the other process or pass --server URL");
    }
    if (!theirs.equals(mine)) {
      throw new IllegalStateException("the warehouse " + mine + " is in use by another process, and the server at "
          + url + " holds another warehouse (" + theirs + "); nothing was sent. Pass the --server of the process "
          + "that holds " + mine + ", or wait for it to finish");
    }
    return client;
  }

  /** {@code POST /api/etl/batches}; the summary as the server loaded it. */
  LoadSummary load(List<Path> files, String feed) {
    ObjectNode body = JSON.createObjectNode();
    files.forEach(f -> body.withArray("files").add(f.toAbsolutePath().toString()));
    if (feed != null) {
      body.put("feed", feed);
    }
    HttpResponse<String> response = send(post("/api/etl/batches", body.toString()));
    JsonNode answer = ok(response, "the server refused the batch");
    try {
      return JSON.treeToValue(answer, LoadSummary.class);
    } catch (IOException e) {
      throw new IllegalStateException("the server's answer is not a batch summary: " + e.getMessage(), e);
    }
  }

  /** {@code POST /api/cubes/{cube}/query}. */
  CellSet query(CubeQuery query) {
    HttpResponse<String> response = send(post("/api/cubes/" + encode(query.cube()) + "/query",
        JSON.valueToTree(query).toString()));
    ObjectNode answer = (ObjectNode) ok(response, "the server refused the query");
    answer.remove("pivot"); // the table is printed from the cells
    try {
      return JSON.treeToValue(answer, CellSet.class);
    } catch (IOException e) {
      throw new IllegalStateException("the server's answer is not a cell set: " + e.getMessage(), e);
    }
  }

  /** {@code GET /api/reports/{id}}: the rendered document. */
  byte[] report(String id, String month, String scope, String locale, String format) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("month", month);
    if (scope != null) {
      params.put("scope", scope);
    }
    params.put("format", format);
    params.put("locale", locale);
    String query = params.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + "/api/reports/" + encode(id) + "?" + query))
        .GET();
    try {
      HttpResponse<byte[]> response = http.send(authorized(request).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw refused("the server refused the report", response.statusCode(),
            new String(response.body(), StandardCharsets.UTF_8));
      }
      return response.body();
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(URI.create(server + path)).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  /** Every request carries the token: a bearer request needs no session and no CSRF token. */
  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(authorized(request).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private IllegalStateException unreachable(IOException e) {
    if (e instanceof ConnectException) {
      return new IllegalStateException("the warehouse is in use by another process and no server answers at "
          + server + "; stop the other process or pass --server URL", e);
    }
    return new IllegalStateException("cannot reach " + server + ": " + e.getMessage(), e);
  }

  private static JsonNode ok(HttpResponse<String> response, String what) {
    if (response.statusCode() != 200) {
      throw refused(what, response.statusCode(), response.body());
    }
    return read(response);
  }

  /** The server's problem JSON as one line: field and detail, as the CLI prints its own errors. */
  private static IllegalStateException refused(String what, int status, String body) {
    String detail = body;
    try {
      JsonNode problem = JSON.readTree(body);
      if (problem.hasNonNull("detail")) {
        detail = (problem.hasNonNull("field") ? problem.get("field").asText() + ": " : "")
            + problem.get("detail").asText();
      }
    } catch (IOException e) {
      // not JSON: show the body as it came
    }
    return new IllegalStateException(what + " (HTTP " + status + "): " + detail);
  }

  private static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("the server's answer is not JSON: " + e.getMessage(), e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The real path of a file (symbolic links resolved), as the server reports its own. */
  static String realPath(Path file) {
    Path p = file.toAbsolutePath().normalize();
    try {
      return p.toRealPath().toString();
    } catch (IOException e) {
      return p.toString();
    }
  }
}
