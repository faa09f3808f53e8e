package org.telecube.backend.postgres;

import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/** Checks {@code telecube.warehouse.url} and writes it for messages, without credentials. */
final class PostgresUrls {
  static final String SETTING = "telecube.warehouse.url (TELECUBE_WAREHOUSE_URL)";
  static final String PREFIX = "jdbc:postgresql:";
  private static final String EXAMPLE = "jdbc:postgresql://host:5432/telecube";
  /** {@code user:password@} before the host, which pgjdbc does not read but people write. */
  private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/@?]*@");
  /** {@code password=…} / {@code user=…} among the query parameters. */
  private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile("(?i)([?&;](?:password|user)=)[^&;]*");

  private PostgresUrls() {
  }

  /** {@code url} when pgjdbc can read it; an IllegalArgumentException naming the setting otherwise. */
  static String check(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(SETTING + " is not set: telecube.backend=postgres needs the database's"
          + " JDBC URL, e.g. " + EXAMPLE);
    }
    if (!url.startsWith(PREFIX) || Driver.parseURL(url, new Properties()) == null) {
      throw new IllegalArgumentException(SETTING + " must be a PostgreSQL JDBC URL such as " + EXAMPLE
          + " for telecube.backend=postgres, not " + withoutCredentials(url));
    }
    return url;
  }

  /** {@code url} with any user, password and user-info part blanked out. */
  static String withoutCredentials(String url) {
    String bare = USER_INFO.matcher(url).replaceAll("");
    return CREDENTIAL_PARAMETER.matcher(bare).replaceAll("$1…");
  }
}
