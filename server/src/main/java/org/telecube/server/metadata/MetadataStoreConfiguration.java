package org.telecube.server.metadata;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The metadata store's connection pool. It is the application's only Spring {@code DataSource}
 * (the warehouse keeps its own pool), so Flyway, Quartz and the transaction manager all use it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetadataStoreSettings.class)
public class MetadataStoreConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(MetadataStoreConfiguration.class);

  static {
    loopbackOnly(); // an explicit H2 URL with AUTO_SERVER in telecube.metadata.url too
  }

  @Bean(destroyMethod = "close")
  @Primary
  HikariDataSource metadataDataSource(MetadataStoreSettings settings, @Value("${telecube.data-dir}") String dataDir) {
    return open(settings, dataDir);
  }

  /**
   * The metadata store's pool as the server opens it (the command line's {@code user} opens it the
   * same way, beside a running server or without one).
   */
  public static HikariDataSource open(MetadataStoreSettings settings, String dataDir) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("metadata");
    config.setMaximumPoolSize(settings.poolSize());
    Path file = null;
    if (settings.url().isBlank()) {
      file = Path.of(dataDir).toAbsolutePath().normalize().resolve("metadata").resolve("telecube");
      ownerOnly(file.getParent());
      config.setJdbcUrl(h2Url(file));
      config.setUsername("sa");
      config.setPassword("");
    } else {
      config.setJdbcUrl(settings.url());
      config.setUsername(settings.username());
      config.setPassword(settings.password());
      if (settings.url().startsWith("jdbc:postgresql:")) {
        // a COMMIT of a transaction PostgreSQL has aborted is a silent ROLLBACK by default: make it an error
        config.addDataSourceProperty("raiseExceptionOnSilentRollback", "true");
      }
    }
    LOG.info("metadata store: {}", config.getJdbcUrl().replaceAll("(?i)password=[^&;]*", "password=***"));
    HikariDataSource pool = new HikariDataSource(config);
    if (file != null) {
      try {
        checkAnsweredBy(pool, file);
      } catch (RuntimeException e) {
        pool.close();
        throw e;
      }
    }
    return pool;
  }

  /**
   * AUTO_SERVER: a second server process (or a CLI) on the same data directory connects through
   * the first instead of failing on the file lock. H2 serves it with {@code -tcpAllowOthers} on
   * every interface unless {@code h2.bindAddress} is set, so {@link #loopbackOnly} sets it first.
   */
  public static String h2Url(Path file) {
    loopbackOnly();
    return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE";
  }

  /**
   * Makes H2's servers (AUTO_SERVER's above all) listen on 127.0.0.1 only. H2 reads the property
   * once, when it first loads its settings, so this runs before any H2 class does: here and first
   * thing in the command line's {@code main}. An operator's own {@code -Dh2.bindAddress} wins.
   */
  public static void loopbackOnly() {
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
  }

  /**
   * The metadata directory readable by its owner only: H2's lock file in it holds the key that
   * lets a local process into the AUTO_SERVER port. Skipped where the file system has no POSIX
   * permissions.
   */
  static void ownerOnly(Path directory) {
    try {
      Files.createDirectories(directory);
      // a directory another user owns (a shared volume, made by root) is left as it is, with a warning
      String me = System.getProperty("user.name");
      if (!Files.getOwner(directory).getName().equals(me)) {
        LOG.warn("the metadata directory {} belongs to {}, not {}: its permissions are left as they are;"
            + " make it readable by its owner only", directory, Files.getOwner(directory).getName(), me);
        return;
      }
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      LOG.debug("no POSIX permissions for {}", directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the metadata directory " + directory, e);
    }
  }

  /**
   * Refuses a store answered from another file: the lock file of a copied data directory still
   * names the original's running AUTO_SERVER, and H2 connects there without a word.
   */
  static void checkAnsweredBy(DataSource pool, Path file) {
    String answered;
    try (Connection c = pool.getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT DATABASE_PATH()")) {
      rs.next();
      answered = rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the metadata store " + file + ": " + e.getMessage(), e);
    }
    if (!sameStore(Path.of(answered), file)) {
      throw new MetadataStoreElsewhereException(file, answered);
    }
  }

  private static boolean sameStore(Path answered, Path file) {
    if (answered.toAbsolutePath().normalize().equals(file)) {
      return true;
    }
    try { // the same file through a symbolic link
      return Files.isSameFile(answered.resolveSibling(answered.getFileName() + ".mv.db"),
          file.resolveSibling(file.getFileName() + ".mv.db"));
    } catch (IOException e) {
      return false;
    }
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
