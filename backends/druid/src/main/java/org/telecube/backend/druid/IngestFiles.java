package org.telecube.backend.druid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Where a publication's files are written, and how Druid's indexers read them: from the same path
 * ({@code local}: a directory both hosts share) or over HTTP from a server that lives for this
 * publication only, under an unguessable path ({@code http}). S3 or HDFS would be one more input
 * source here.
 */
final class IngestFiles implements AutoCloseable {
  private final Path dir;
  private final HttpServer server;
  private final String baseUrl;

  private IngestFiles(Path dir, HttpServer server, String baseUrl) {
    this.dir = dir;
    this.server = server;
    this.baseUrl = baseUrl;
  }

  static IngestFiles open(DruidSettings settings, Path dir) throws IOException {
    Files.createDirectories(dir);
    if (!settings.ingest().equals("http")) {
      return new IngestFiles(dir, null, null);
    }
    String address = settings.httpAddress();
    String host = address.contains(":") ? address.substring(0, address.lastIndexOf(':')) : address;
    int port = address.contains(":") ? Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)) : 0;
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    String token = UUID.randomUUID().toString();
    server.createContext("/" + token + "/", exchange -> {
      String name = exchange.getRequestURI().getPath().substring(token.length() + 2);
      Path file = dir.resolve(name).normalize();
      if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, Files.size(file));
      try (OutputStream out = exchange.getResponseBody()) {
        Files.copy(file, out);
      }
    });
    server.start();
    return new IngestFiles(dir, server,
        "http://" + host + ":" + server.getAddress().getPort() + "/" + token + "/");
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  /** The input source that reads {@code file}. */
  ObjectNode inputSource(Path file) {
    ObjectNode source = IngestionSpec.JSON.createObjectNode();
    if (server == null) {
      source.put("type", "local").put("baseDir", file.getParent().toString()).put("filter", file.getFileName().toString());
    } else {
      source.put("type", "http").putArray("uris").add(baseUrl + file.getFileName());
    }
    return source;
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }
}
