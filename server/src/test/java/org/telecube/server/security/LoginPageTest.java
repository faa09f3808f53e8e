package org.telecube.server.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telecube.server.TelecubeApplication;
import org.telecube.server.testing.Browsers;
import org.telecube.server.testing.SampleWarehouse;
import org.telecube.server.testing.TestUsers;

/**
 * Logging in as a person does, in Chromium, with the pages' Content-Security-Policy enforced: the
 * login form, a wrong password, the first-login password change, a province manager's pages
 * bound to their province, and logging out.
 */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginPageTest {
  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    SampleWarehouse.register(registry);
  }

  @LocalServerPort
  int port;
  @Autowired
  UserService users;

  private Browsers browsers;

  @BeforeAll
  void start() {
    browsers = Browsers.launch();
    users.add(new UserService.NewUser("gd-manager", "李经理", null, "manager", "P440000", AuthApiTest.PASSWORD, false));
    users.add(new UserService.NewUser("newcomer", null, null, "analyst", "HQ", "one-time-password-1", true));
  }

  @AfterAll
  void stop() {
    browsers.close();
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  /** A fresh browser in the tests' awkward locale, collecting script errors and CSP violations. */
  private BrowserContext context(List<String> problems) {
    BrowserContext context = browsers.browser().newContext(new Browser.NewContextOptions()
        .setViewportSize(1360, 900).setLocale("tr-TR").setTimezoneId("America/Bahia_Banderas"));
    context.onPage(p -> {
      p.onPageError(e -> problems.add("page error: " + e));
      p.onConsoleMessage(m -> {
        // a refused login is a 401 the browser reports as a failed resource; that is the answer, not a fault
        if ("error".equals(m.type()) && !m.text().contains("401")) {
          problems.add(m.text());
        }
      });
    });
    return context;
  }

  private static void logIn(Page page, String username, String password) {
    page.locator("#login-username").fill(username);
    page.locator("#login-password").fill(password);
    page.locator("#login-submit").click();
  }

  @Test
  void aPersonLogsInLandsWhereTheyWereGoingAndLogsOut() {
    List<String> problems = new CopyOnWriteArrayList<>();
    try (BrowserContext context = context(problems)) {
      Page page = context.newPage();
      page.navigate(base() + "/reports.html");
      assertThat(page.url()).contains("/login.html?next=");
      page.locator("body[data-login=ready]").waitFor();
      Browsers.screenshot(page, "login-1-form");

      logIn(page, TestUsers.ADMIN, "not-the-password");
      assertThat(page.locator("#login-error")).isVisible();
      assertThat(page.locator("#login-error")).containsText("用户名或密码错误");

      logIn(page, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
      page.waitForURL("**/reports.html");
      page.locator("body[data-access=allowed]").waitFor();
      assertThat(page.locator("#tc-user-name")).isVisible();
      Browsers.screenshot(page, "login-2-reports");

      // every page loads under the CSP without a violation or a script error
      for (String p : List.of("/", "/lists.html", "/schedules.html", "/reports.html")) {
        page.navigate(base() + p);
        page.locator("body[data-access=allowed]").waitFor();
      }

      page.locator("#tc-logout").click();
      page.waitForURL("**/login.html**");
      page.navigate(base() + "/reports.html");
      assertThat(page.url()).contains("/login.html");
    }
    assertThat(problems).as("script errors and CSP violations").isEmpty();
  }

  @Test
  void aFirstLoginChangesThePasswordFirst() {
    List<String> problems = new CopyOnWriteArrayList<>();
    try (BrowserContext context = context(problems)) {
      Page page = context.newPage();
      page.navigate(base() + "/login.html");
      page.locator("body[data-login=ready]").waitFor();
      logIn(page, "newcomer", "one-time-password-1");
      assertThat(page.locator("#password-card")).isVisible();
      page.locator("#password-new").fill("my-own-password-2");
      page.locator("#password-repeat").fill("my-own-password-2");
      if (page.locator("#password-current").inputValue().isEmpty()) {
        page.locator("#password-current").fill("one-time-password-1");
      }
      page.locator("#password-submit").click();
      page.locator("body[data-access=allowed]").waitFor();
      assertThat(page.url()).doesNotContain("login.html");
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aProvinceManagersPagesOfferTheirProvinceOnly() {
    List<String> problems = new CopyOnWriteArrayList<>();
    try (BrowserContext context = context(problems)) {
      Page page = context.newPage();
      page.navigate(base() + "/login.html");
      page.locator("body[data-login=ready]").waitFor();
      logIn(page, "gd-manager", AuthApiTest.PASSWORD);
      page.waitForURL("**/reports.html");
      page.locator("body[data-access=allowed]").waitFor();
      assertThat(page.locator(".tc-nav a[href='/']")).hasCount(0);
      page.locator("#r-scope option").first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
          .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
      List<String> scopes = page.locator("#r-scope option").allTextContents();
      assertThat(scopes).isNotEmpty().noneMatch(s -> s.contains("全国")).anyMatch(s -> s.contains("广东"));
      Browsers.screenshot(page, "login-3-gd-manager-reports");

      page.navigate(base() + "/");
      page.locator("body[data-access=denied]").waitFor();
      assertThat(page.locator("#tc-no-access")).isVisible();
    }
    assertThat(problems).isEmpty();
  }
}
