package org.telecube.server.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A client that logs in as the login page does — a session cookie, and the CSRF cookie's value
 * sent back as {@code X-XSRF-TOKEN} on every state-changing request — over real HTTP.
 */
public final class HttpSession {
  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
  private boolean sendCsrf = true;

  public HttpSession(String base) {
    this.base = base;
  }

  /** A session of {@code username}; fails unless the login answers 200. */
  public static HttpSession login(String base, String username, String password) {
    HttpSession s = new HttpSession(base);
    HttpResponse<String> r = s.logIn(username, password);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login of " + username + ": " + r.statusCode() + " " + r.body());
    }
    return s;
  }

  /** {@code POST /api/session} after a first GET for the CSRF cookie. */
  public HttpResponse<String> logIn(String username, String password) {
    if (csrf() == null) {
      send("GET", "/api/health", null);
    }
    return send("POST", "/api/session", "{\"username\":" + quote(username) + ",\"password\":" + quote(password) + "}");
  }

  /** Stops sending the CSRF header, as a forged cross-site request would. */
  public HttpSession withoutCsrf() {
    sendCsrf = false;
    return this;
  }

  /** The session's cookies as a {@code Cookie} header, for a request of one's own (a binary download). */
  public String cookieHeader() {
    return String.join("; ", cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
        .toList());
  }

  public String csrf() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  public HttpResponse<String> get(String path) {
    return send("GET", path, null);
  }

  public HttpResponse<String> send(String method, String path, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    String token = csrf();
    if (sendCsrf && token != null && !method.equals("GET")) {
      b.header("X-XSRF-TOKEN", token);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String quote(String s) {
    return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
