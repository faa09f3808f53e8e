package org.telecube.server.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.telecube.warehouse.reference.OrgUnit;

/**
 * The first admin. A store without an enabled admin gets one at start: with the configured
 * password ({@code TELECUBE_ADMIN_PASSWORD}) or, without one, a generated one-time password that
 * is printed once on the console (never logged) and must be changed at the first login. There is
 * no default password anywhere. Automation that must hold a token before the server starts (a
 * deployment script, the tests) configures one ({@code TELECUBE_ADMIN_TOKEN}); it is made with the
 * first admin and kept hashed like any other.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

  /**
   * How to log in for the first time, as the console says it.
   *
   * @param oneTimePassword the generated password, when this start made it; null otherwise
   * @param configured whether the admin's password came from configuration
   */
  public record FirstLogin(String username, String oneTimePassword, boolean configured) {
  }

  private final UserService users;
  private final String username;
  private final String password;
  private final String token;
  private volatile FirstLogin firstLogin;

  public AdminBootstrap(UserService users, @Value("${telecube.admin.username:admin}") String username,
                        @Value("${telecube.admin.password:}") String password,
                        @Value("${telecube.admin.token:}") String token) {
    this.users = users;
    this.username = username;
    this.password = password;
    this.token = token;
  }

  @Override
  public void run(ApplicationArguments args) {
    firstLogin = new FirstLogin(UserService.normalise(username), null, !password.isEmpty());
    if (users.anyAdmin()) {
      return;
    }
    if (users.find(username).isPresent()) {
      LOG.warn("no enabled admin, and the user {} exists: enable one with `telecube user enable`", username);
      return;
    }
    boolean generated = password.isEmpty();
    String secret = generated ? users.oneTimePassword() : password;
    try {
      users.add(new UserService.NewUser(username, "Administrator", null, Role.ADMIN.code(), OrgUnit.HQ, secret,
          generated));
    } catch (DuplicateKeyException e) {
      return; // another server on the same store made it first
    }
    if (!token.isEmpty()) {
      users.installToken(username, token, "configured");
    }
    LOG.info("created the first admin {} ({})", username, generated ? "one-time password on the console" : "configured password");
    if (generated) {
      firstLogin = new FirstLogin(UserService.normalise(username), secret, false);
    }
  }

  /** How to log in, once the application has started. */
  public FirstLogin firstLogin() {
    return firstLogin;
  }
}
