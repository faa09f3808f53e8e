package org.telecube.server.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.telecube.server.metadata.UtcTimestamps;

/** Users ({@code app_user}) and their API tokens ({@code api_token}) in the metadata store. */
@Repository
public class UserRepository {
  private static final String USER_COLUMNS = "id, username, display_name, email, role, org_code, password_hash, "
      + "must_change_password, enabled, failed_logins, locked_until, created_at, updated_at";
  private static final String TOKEN_COLUMNS = "t.id, t.user_id, u.username, t.public_id, t.secret_sha256, t.name, "
      + "t.created_at, t.last_used_at, t.expires_at, t.revoked_at";

  private final JdbcClient jdbc;

  public UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  UserAccount insert(UserAccount u) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into app_user (username, display_name, email, role, org_code, password_hash, must_change_password, "
            + "enabled, failed_logins, locked_until, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(u.username(), u.displayName(), u.email(), u.role().code(), u.orgCode(), u.passwordHash(),
            u.mustChangePassword(), u.enabled(), 0, null, UtcTimestamps.of(u.createdAt()), UtcTimestamps.of(u.updatedAt()))
        .update(keys, "id");
    return find(keys.getKeyAs(Number.class).longValue()).orElseThrow();
  }

  public Optional<UserAccount> find(long id) {
    return jdbc.sql("select " + USER_COLUMNS + " from app_user where id = ?").param(id)
        .query(UserRepository::user).optional();
  }

  public Optional<UserAccount> find(String username) {
    return jdbc.sql("select " + USER_COLUMNS + " from app_user where username = ?").param(username)
        .query(UserRepository::user).optional();
  }

  public List<UserAccount> all() {
    return jdbc.sql("select " + USER_COLUMNS + " from app_user order by id").query(UserRepository::user).list();
  }

  boolean anyEnabledAdmin() {
    return jdbc.sql("select count(*) from app_user where role = 'admin' and enabled").query(Long.class).single() > 0;
  }

  void update(UserAccount u) {
    jdbc.sql("update app_user set display_name = ?, email = ?, role = ?, org_code = ?, password_hash = ?, "
            + "must_change_password = ?, enabled = ?, failed_logins = ?, locked_until = ?, updated_at = ? where id = ?")
        .params(u.displayName(), u.email(), u.role().code(), u.orgCode(), u.passwordHash(), u.mustChangePassword(),
            u.enabled(), u.failedLogins(), UtcTimestamps.of(u.lockedUntil()), UtcTimestamps.of(u.updatedAt()), u.id())
        .update();
  }

  /** Counts a failed login in the row itself, so concurrent attempts on several servers all count. */
  int failedLogin(long id, int lockAfter, Instant lockUntil) {
    jdbc.sql("update app_user set failed_logins = failed_logins + 1 where id = ?").param(id).update();
    int failures = jdbc.sql("select failed_logins from app_user where id = ?").param(id).query(Integer.class).single();
    if (failures >= lockAfter) {
      jdbc.sql("update app_user set locked_until = ?, failed_logins = 0 where id = ?")
          .params(UtcTimestamps.of(lockUntil), id).update();
    }
    return failures;
  }

  void loggedIn(long id) {
    jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = ? and (failed_logins <> 0 "
        + "or locked_until is not null)").param(id).update();
  }

  void insertToken(long userId, String publicId, String secretSha256, String name, Instant now, Instant expiresAt) {
    jdbc.sql("insert into api_token (user_id, public_id, secret_sha256, name, created_at, expires_at) "
            + "values (?, ?, ?, ?, ?, ?)")
        .params(userId, publicId, secretSha256, name, UtcTimestamps.of(now), UtcTimestamps.of(expiresAt)).update();
  }

  Optional<ApiToken> token(String publicId) {
    return jdbc.sql("select " + TOKEN_COLUMNS + " from api_token t join app_user u on u.id = t.user_id "
        + "where t.public_id = ?").param(publicId).query(UserRepository::token).optional();
  }

  List<ApiToken> tokens(Long userId) {
    return jdbc.sql("select " + TOKEN_COLUMNS + " from api_token t join app_user u on u.id = t.user_id"
            + (userId == null ? "" : " where t.user_id = " + userId) + " order by t.id")
        .query(UserRepository::token).list();
  }

  boolean revokeToken(String publicId, Instant now) {
    return jdbc.sql("update api_token set revoked_at = ? where public_id = ? and revoked_at is null")
        .params(UtcTimestamps.of(now), publicId).update() > 0;
  }

  void tokenUsed(long id, Instant now) {
    jdbc.sql("update api_token set last_used_at = ? where id = ?").params(UtcTimestamps.of(now), id).update();
  }

  private static UserAccount user(ResultSet rs, int row) throws SQLException {
    return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
        rs.getString("email"), Role.parse(rs.getString("role")).orElseThrow(), rs.getString("org_code"),
        rs.getString("password_hash"), rs.getBoolean("must_change_password"), rs.getBoolean("enabled"),
        rs.getInt("failed_logins"), UtcTimestamps.read(rs, "locked_until"), UtcTimestamps.read(rs, "created_at"),
        UtcTimestamps.read(rs, "updated_at"));
  }

  private static ApiToken token(ResultSet rs, int row) throws SQLException {
    return new ApiToken(rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"), rs.getString("public_id"),
        rs.getString("secret_sha256"), rs.getString("name"), UtcTimestamps.read(rs, "created_at"),
        UtcTimestamps.read(rs, "last_used_at"), UtcTimestamps.read(rs, "expires_at"),
        UtcTimestamps.read(rs, "revoked_at"));
  }
}
