package org.telecube.server.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * A real browser for the web pages' tests: Debian's Chromium ({@code /usr/bin/chromium}, installed
 * by {@code .ci/run}) driven by Playwright, headless. Playwright downloads nothing: no browser of
 * its own, no update, no network but the server under test.
 *
 * <pre>
 * try (Browsers browsers = Browsers.launch()) {
 *   Page page = browsers.browser().newPage();
 *   page.navigate(url);
 *   Browsers.screenshot(page, "explorer-start");
 * }
 * </pre>
 */
public final class Browsers implements AutoCloseable {
  public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  /** Where screenshots go: server/target/screenshots (the tests run in the module directory). */
  public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run");

  private final Playwright playwright;
  private final Browser browser;

  private Browsers(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /**
   * Starts Chromium. Fails (it does not skip) when {@code /usr/bin/chromium} is missing: a browser
   * test that silently does not run tests nothing.
   */
  public static Browsers launch() {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException(CHROMIUM + " is missing: the browser tests drive Debian's Chromium. "
          + "Install it with `apt-get install -y chromium` (.ci/run does this on a fresh machine).");
    }
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(CHROMIUM)
          .setHeadless(true)
          .setArgs(ARGS));
      return new Browsers(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  public Browser browser() {
    return browser;
  }

  /**
   * The browser state (cookies) of {@code username} logged in at {@code baseUrl}, for
   * {@code setStorageState} of a new page or context: logged in as a person does, by typing into
   * the login page and pressing its button.
   */
  public String loggedIn(String baseUrl, String username, String password) {
    return loggedIn(browser, baseUrl, username, password);
  }

  /** {@link #loggedIn(String, String, String)} in a browser of one's own. */
  public static String loggedIn(Browser browser, String baseUrl, String username, String password) {
    try (com.microsoft.playwright.BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(baseUrl + "/login.html");
      page.locator("body[data-login=ready]").waitFor();
      page.locator("#login-username").fill(username);
      page.locator("#login-password").fill(password);
      page.locator("#login-submit").click();
      page.waitForURL(url -> !url.contains("/login.html"));
      return context.storageState();
    }
  }

  /** The admin's browser state at {@code baseUrl} (see {@link #loggedIn}). */
  public String admin(String baseUrl) {
    return loggedIn(baseUrl, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
  }

  /** A full-page PNG at {@code target/screenshots/NAME.png}, for people to look at. */
  public static Path screenshot(Page page, String name) {
    Path file = SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
