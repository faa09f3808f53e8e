package org.telecube.backend.postgres;

import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

/**
 * PostgreSQL's dialect for literals in Unicode. The planner makes every string literal UTF-8, and
 * Calcite would write a literal outside its default charset with a charset prefix or as
 * {@code U&'\4e2d…'} escapes; PostgreSQL reads a plain {@code '…'} literal in the connection's
 * encoding (UTF-8 with pgjdbc), so Chinese member keys and captions are written as they are. With
 * {@code standard_conforming_strings} on (PostgreSQL's default) only the quote needs doubling. A
 * NUL cannot be stored in PostgreSQL text at all, so it is refused here rather than by the server.
 */
final class UnicodePostgresDialect extends PostgresqlSqlDialect {
  static final UnicodePostgresDialect INSTANCE = new UnicodePostgresDialect();

  private UnicodePostgresDialect() {
    super(PostgresqlSqlDialect.DEFAULT_CONTEXT);
  }

  @Override
  public void quoteStringLiteral(StringBuilder buf, String charsetName, String val) {
    if (val.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a NUL cannot be written in a PostgreSQL string literal");
    }
    buf.append('\'').append(val.replace("'", "''")).append('\'');
  }
}
