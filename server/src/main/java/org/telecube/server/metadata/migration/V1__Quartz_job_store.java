package org.telecube.server.metadata.migration;

import java.sql.Connection;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Quartz's JDBC job store tables, from the script Quartz ships for the database at hand, so the
 * schema always matches the Quartz on the classpath instead of a hand-kept copy.
 */
public class V1__Quartz_job_store extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    String platform = product.contains("postgres") ? "postgres" : product.contains("h2") ? "h2" : null;
    if (platform == null) {
      throw new IllegalStateException("the metadata store supports H2 and PostgreSQL, not " + product);
    }
    ScriptUtils.executeSqlScript(connection,
        new ClassPathResource("org/quartz/impl/jdbcjobstore/tables_" + platform + ".sql"));
  }
}
