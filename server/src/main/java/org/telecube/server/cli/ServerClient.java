package org.telecube.server.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final Pattern UPLOADED_PART = Pattern.compile("files\\[(\\d{1,9})]");

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
    HttpResponse<String> response = client.send(client.request("/api/warehouse").GET());
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

  /**
   * {@code POST /api/etl/uploads}: the files (directories already expanded) uploaded as one
   * multipart body, streamed from disk, never held in memory; the summary as the server loaded it.
   * The server takes no paths: it cannot read the client's disk, nor should a client name its.
   */
  LoadSummary load(List<Path> files, String feed) {
    String boundary = "telecube-" + UUID.randomUUID();
    List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
    if (feed != null) {
      parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
          + "name=\"feed\"\r\n\r\n" + feed + "\r\n", StandardCharsets.UTF_8));
    }
    for (Path file : files) {
      parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
          + "name=\"files\"; filename=\"" + partFileName(file) + "\"\r\nContent-Type: application/octet-stream"
          + "\r\n\r\n", StandardCharsets.UTF_8));
      try {
        parts.add(HttpRequest.BodyPublishers.ofFile(file));
      } catch (FileNotFoundException e) {
        throw new IllegalStateException("cannot upload " + file + ": no such readable file", e);
      }
      parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
    }
    parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
    HttpResponse<String> response = send(request("/api/etl/uploads")
        .header("content-type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new))));
    if (response.statusCode() != 200) {
      throw refused("the server refused the batch", response.statusCode(), response.body(), files);
    }
    JsonNode answer = read(response);
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
    HttpRequest.Builder request = request("/api/reports/" + encode(id) + "?" + query).GET();
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
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

  /**
   * Every request to the server starts here (what it needs of every request goes here, once):
   * its refusals come in the terminal's language, as the command line's own messages do.
   */
  private HttpRequest.Builder request(String pathAndQuery) {
    String language = Locale.getDefault().getLanguage().equals("zh") ? "zh-CN" : "en";
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + pathAndQuery))
        .header("Accept-Language", language);
    // every request carries the token: a bearer request needs no session and no CSRF token
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  private HttpRequest.Builder post(String path, String json) {
    return request(path).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  /**
   * A file's name as the part's {@code filename}: as it is when it is a name the server takes;
   * otherwise percent-encoded, so that nothing breaks the header and the server refuses it by name.
   */
  static String partFileName(Path file) {
    String name = file.getFileName().toString();
    return name.matches("[A-Za-z0-9._-]+") ? name : URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
    return refused(what, status, body, List.of());
  }

  /** As {@link #refused(String, int, String)}; a field {@code files[i]} is named by the file uploaded as part i. */
  private static IllegalStateException refused(String what, int status, String body, List<Path> uploaded) {
    String detail = body;
    try {
      JsonNode problem = JSON.readTree(body);
      if (problem.hasNonNull("detail")) {
        String field = problem.hasNonNull("field") ? problem.get("field").asText() : null;
        String text = problem.get("detail").asText();
        Matcher part = field == null ? null : UPLOADED_PART.matcher(field);
        if (part != null && part.matches() && Integer.parseInt(part.group(1)) < uploaded.size()) {
          // the user knows the file, not the part's number
          String file = uploaded.get(Integer.parseInt(part.group(1))).toString();
          text = text.replace(field, file);
          field = file;
        }
        detail = field == null || text.startsWith(field + ":") ? text : field + ": " + text;
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
