package org.telecube.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telecube.server.system.ApiException;
import org.telecube.warehouse.reference.OrgUnit;

/**
 * Users, their passwords (bcrypt) and API tokens (SHA-256 of a random secret). Every check a login
 * or a token makes is here, so the session login, the bearer filter and the CLI agree.
 */
@Service
public class UserService {
  /** Passwords shorter than this are refused; bcrypt reads at most 72 bytes, so longer are too. */
  static final int MIN_PASSWORD = 10;
  static final int MAX_PASSWORD_BYTES = 72;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");
  private static final String TOKEN_PREFIX = "tc_";
  private static final int LOCK_AFTER = 5;
  private static final Duration LOCK_FOR = Duration.ofMinutes(5);
  /** How stale a disabled user, a revoked token or a changed role may be on this server. */
  private static final Duration FRESH = Duration.ofSeconds(10);
  private static final Duration TOKEN_USE_WRITE = Duration.ofMinutes(1);

  private final UserRepository users;
  private final AuditLog audit;
  private final Clock clock;
  private final BCryptPasswordEncoder bcrypt;
  private final SecureRandom random = new SecureRandom();
  /** For unknown users: a real hash to compare against, so their answer takes as long as a wrong password. */
  private final String dummyHash;
  private final Cache<Long, Optional<UserAccount>> byId = Caffeine.newBuilder().expireAfterWrite(FRESH)
      .maximumSize(10_000).build();
  private final Cache<String, Optional<ApiToken>> byToken = Caffeine.newBuilder().expireAfterWrite(FRESH)
      .maximumSize(10_000).build();
  private final Cache<Long, Instant> tokenUseWritten = Caffeine.newBuilder().expireAfterWrite(TOKEN_USE_WRITE)
      .maximumSize(10_000).build();

  public UserService(UserRepository users, AuditLog audit, Clock clock,
                     @Value("${telecube.security.bcrypt-strength:10}") int strength) {
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.bcrypt = new BCryptPasswordEncoder(strength, random);
    this.dummyHash = bcrypt.encode("not a password of anyone");
  }

  /** A user to add: {@code password} null means a generated one-time password the user must change. */
  public record NewUser(String username, String displayName, String email, String role, String orgCode,
                        String password, boolean mustChangePassword) {
  }

  /** A token as issued: {@code secret} is the whole bearer value, shown once and never kept. */
  public record IssuedToken(ApiToken token, String secret) {
  }

  @Transactional
  public UserAccount add(NewUser u) {
    String username = username(u.username());
    Role role = Role.parse(u.role()).orElseThrow(() -> ApiException.badRequest("role", "unknown_role",
        "unknown role " + u.role(), String.valueOf(u.role())));
    OrgUnit org = OrgScopes.unit(u.orgCode()).orElseThrow(() -> ApiException.badRequest("org", "unknown_org",
        "unknown org unit " + u.orgCode(), String.valueOf(u.orgCode())));
    String email = email(u.email());
    checkPassword("password", u.password());
    if (users.find(username).isPresent()) {
      throw new ApiException(HttpStatus.CONFLICT, "username", "user_exists", "user " + username + " exists", username);
    }
    Instant now = clock.instant();
    String display = u.displayName() == null || u.displayName().isBlank() ? username : u.displayName().strip();
    if (display.length() > 200 || display.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest("displayName", "bad_display_name", "bad display name");
    }
    return users.insert(new UserAccount(0, username, display, email, role, org.orgCode(), bcrypt.encode(u.password()),
        u.mustChangePassword(), true, 0, null, now, now));
  }

  /** A random password for a first login, to be changed then: 16 letters and digits. */
  public String oneTimePassword() {
    String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  public List<UserAccount> list() {
    return users.all();
  }

  public Optional<UserAccount> find(String username) {
    return username == null ? Optional.empty() : users.find(normalise(username));
  }

  /** The user with {@code id} as of at most a few seconds ago: what every request re-checks. */
  public Optional<UserAccount> current(long id) {
    return byId.get(id, users::find);
  }

  @Transactional
  public UserAccount setEnabled(String username, boolean enabled) {
    UserAccount u = existing(username);
    UserAccount changed = new UserAccount(u.id(), u.username(), u.displayName(), u.email(), u.role(), u.orgCode(),
        u.passwordHash(), u.mustChangePassword(), enabled, 0, null, u.createdAt(), clock.instant());
    users.update(changed);
    byId.invalidate(u.id());
    byToken.invalidateAll();
    return changed;
  }

  @Transactional
  public UserAccount setPassword(String username, String password, boolean mustChange) {
    checkPassword("password", password);
    UserAccount u = existing(username);
    UserAccount changed = new UserAccount(u.id(), u.username(), u.displayName(), u.email(), u.role(), u.orgCode(),
        bcrypt.encode(password), mustChange, u.enabled(), 0, null, u.createdAt(), clock.instant());
    users.update(changed);
    byId.invalidate(u.id());
    return changed;
  }

  /**
   * The user {@code username} if {@code password} is theirs. Unknown users, wrong passwords and
   * disabled users get the same answer after the same work; a locked user is told so.
   */
  @Transactional(noRollbackFor = ApiException.class)
  public UserAccount authenticate(String username, String password, String client) {
    Optional<UserAccount> found = find(username == null ? null : username.strip().toLowerCase(Locale.ROOT))
        .filter(UserAccount::enabled);
    boolean fits = password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    String hash = found.map(UserAccount::passwordHash).orElse(dummyHash);
    boolean matches = bcrypt.matches(fits ? password : "", hash) && fits && found.isPresent();
    String who = found.map(UserAccount::username).orElse(printable(username));
    if (found.isPresent() && found.get().lockedUntil() != null && found.get().lockedUntil().isAfter(clock.instant())) {
      audit.record(who, null, "login_failed", null, "denied", client, "locked");
      throw new ApiException(HttpStatus.UNAUTHORIZED, "username", "account_locked", "locked",
          LOCK_FOR.toMinutes());
    }
    if (!matches) {
      found.ifPresent(u -> users.failedLogin(u.id(), LOCK_AFTER, clock.instant().plus(LOCK_FOR)));
      audit.record(who, null, "login_failed", null, "denied", client, null);
      throw new ApiException(HttpStatus.UNAUTHORIZED, "password", "bad_credentials", "bad credentials");
    }
    users.loggedIn(found.get().id());
    audit.record(who, null, "login", null, "ok", client, null);
    return found.get();
  }

  @Transactional(noRollbackFor = ApiException.class)
  public void changePassword(Viewer viewer, String current, String next, String client) {
    UserAccount u = authenticate(viewer.username(), current, client);
    checkPassword("newPassword", next);
    if (bcrypt.matches(next, u.passwordHash())) {
      throw ApiException.badRequest("newPassword", "same_password", "the new password is the old one");
    }
    setPassword(u.username(), next, false);
    audit.record(viewer, "password_changed", u.username(), "ok", client, null);
  }

  @Transactional
  public IssuedToken createToken(String username, String name, Duration validFor) {
    UserAccount u = existing(username);
    String label = name == null || name.isBlank() ? "token" : name.strip();
    if (label.length() > 100 || label.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest("name", "bad_token_name", "bad token name");
    }
    String publicId = randomText(9).replace('_', 'x').replace('-', 'y');
    String secret = randomText(32);
    Instant now = clock.instant();
    users.insertToken(u.id(), publicId, sha256(secret), label, now, validFor == null ? null : now.plus(validFor));
    return new IssuedToken(users.token(publicId).orElseThrow(), TOKEN_PREFIX + publicId + "_" + secret);
  }

  /**
   * Keeps a bearer value chosen elsewhere ({@code TELECUBE_ADMIN_TOKEN}, for automation that must
   * know the token before the server starts) as a token of {@code username}; only its hash is kept.
   */
  @Transactional
  public ApiToken installToken(String username, String bearer, String name) {
    int split = bearer == null || !bearer.startsWith(TOKEN_PREFIX) ? -1 : bearer.indexOf('_', TOKEN_PREFIX.length());
    String secret = split < 0 ? "" : bearer.substring(split + 1);
    String publicId = split < 0 ? "" : bearer.substring(TOKEN_PREFIX.length(), split);
    if (!publicId.matches("[A-Za-z0-9]{4,24}") || secret.length() < 24) {
      throw new IllegalArgumentException("a configured token is tc_<4-24 letters or digits>_<at least 24 characters>");
    }
    users.insertToken(existing(username).id(), publicId, sha256(secret), name, clock.instant(), null);
    return users.token(publicId).orElseThrow();
  }

  /** Tokens of {@code username}, or of everyone when null. */
  public List<ApiToken> tokens(String username) {
    return users.tokens(username == null ? null : existing(username).id());
  }

  public Optional<ApiToken> token(String publicId) {
    return publicId == null ? Optional.empty() : users.token(publicId);
  }

  @Transactional
  public boolean revokeToken(String publicId) {
    boolean revoked = users.revokeToken(publicId, clock.instant());
    byToken.invalidateAll();
    return revoked;
  }

  /**
   * The enabled user a bearer value {@code tc_<id>_<secret>} belongs to, if the token is neither
   * revoked nor expired. Its last use is written, and audited as {@code token_used}, at most once
   * a minute.
   *
   * @param client the caller's address, for the audit log
   */
  public Optional<Viewer> byBearer(String value, String client) {
    if (value == null || !value.startsWith(TOKEN_PREFIX) || value.length() > 200) {
      return Optional.empty();
    }
    int split = value.indexOf('_', TOKEN_PREFIX.length());
    if (split < 0) {
      return Optional.empty();
    }
    String publicId = value.substring(TOKEN_PREFIX.length(), split);
    byte[] presented = sha256(value.substring(split + 1)).getBytes(StandardCharsets.US_ASCII);
    Instant now = clock.instant();
    Optional<ApiToken> token = byToken.get(publicId, users::token)
        .filter(t -> MessageDigest.isEqual(presented, t.secretSha256().getBytes(StandardCharsets.US_ASCII)))
        .filter(t -> t.usableAt(now));
    Optional<UserAccount> user = token.flatMap(t -> current(t.userId())).filter(UserAccount::enabled);
    if (user.isEmpty()) {
      return Optional.empty();
    }
    if (tokenUseWritten.asMap().putIfAbsent(token.get().id(), now) == null) {
      users.tokenUsed(token.get().id(), now);
      audit.record(user.get().username(), token.get().id(), "token_used", token.get().publicId(), "ok", client,
          token.get().name());
    }
    return Optional.of(user.get().viewer(token.get().id()));
  }

  /** Whether an enabled admin exists (the first start creates one when not). */
  public boolean anyAdmin() {
    return users.anyEnabledAdmin();
  }

  private UserAccount existing(String username) {
    return find(username).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "username", "unknown_user",
        "no user " + username, printable(username)));
  }

  static String normalise(String username) {
    return username.strip().toLowerCase(Locale.ROOT);
  }

  private static String username(String raw) {
    if (raw == null || !USERNAME.matcher(normalise(raw)).matches()) {
      throw ApiException.badRequest("username", "bad_username", "bad username", printable(raw));
    }
    return normalise(raw);
  }

  private static String email(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String e = raw.strip();
    if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
      throw ApiException.badRequest("email", "bad_address", "bad email address", printable(e), "email");
    }
    return e;
  }

  static void checkPassword(String field, String password) {
    if (password == null || password.length() < MIN_PASSWORD
        || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw ApiException.badRequest(field, "weak_password", "a password needs 10 to 72 bytes", MIN_PASSWORD,
          MAX_PASSWORD_BYTES);
    }
  }

  /** A user name as an error may echo it: short, without control characters. */
  public static String printableName(String s) {
    return printable(s);
  }

  /** A name as it may be echoed: short, without control characters. */
  static String printable(String s) {
    if (s == null) {
      return "";
    }
    String p = s.codePoints().filter(c -> !Character.isISOControl(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return p.length() > 64 ? p.substring(0, 64) + "…" : p;
  }

  private String randomText(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
