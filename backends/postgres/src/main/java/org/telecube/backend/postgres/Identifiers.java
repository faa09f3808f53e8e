package org.telecube.backend.postgres;

import java.util.regex.Pattern;

/**
 * Table and column names written into SQL. The star's names are lower-case ASCII, the same in
 * DuckDB and PostgreSQL; anything else is refused rather than quoted, so a name can never change
 * what a statement does.
 */
final class Identifiers {
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private Identifiers() {
  }

  static String checked(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a star table or column name: " + name);
    }
    return name;
  }
}
