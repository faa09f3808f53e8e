package org.telecube.warehouse.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A classpath SQL script whose statements are separated by lines holding only {@code ;;}. */
public record SqlScript(String name, List<String> statements) {
  private static final Logger LOG = LoggerFactory.getLogger(SqlScript.class);

  public static SqlScript load(Class<?> anchor, String resource) {
    return parse(resource, text(anchor, resource));
  }

  /** Splits {@code text} into statements (lines of only {@code ;;} separate them; {@code --} lines are dropped). */
  public static SqlScript parse(String name, String text) {
    List<String> statements = Arrays.stream(text.split("(?m)^;;\\s*$"))
        .map(SqlScript::stripComments)
        .filter(s -> !s.isBlank())
        .toList();
    return new SqlScript(name, statements);
  }

  /** The script's text as a classpath resource, for callers that fill in placeholders first. */
  public static String text(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("SQL script missing from the build: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void run(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (int i = 0; i < statements.size(); i++) {
        String sql = statements.get(i);
        long started = System.nanoTime();
        try {
          st.execute(sql);
          // which statement of a long script takes the time, for whoever tunes a big load
          if (LOG.isDebugEnabled()) {
            LOG.debug("{} statement {} of {}: {} ms: {}", name, i + 1, statements.size(),
                (System.nanoTime() - started) / 1_000_000, sql.lines().findFirst().orElse(""));
          }
        } catch (SQLException e) {
          throw new SQLException(name + ": " + e.getMessage() + "\n" + sql, e.getSQLState(), e);
        }
      }
    }
  }

  private static String stripComments(String statement) {
    return statement.lines().filter(l -> !l.strip().startsWith("--"))
        .reduce((a, b) -> a + "\n" + b).orElse("").strip();
  }
}
