package org.telecube.server.metadata;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
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

  @Bean(destroyMethod = "close")
  @Primary
  HikariDataSource metadataDataSource(MetadataStoreSettings settings, @Value("${telecube.data-dir}") String dataDir) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("metadata");
    config.setMaximumPoolSize(settings.poolSize());
    if (settings.url().isBlank()) {
      Path file = Path.of(dataDir).toAbsolutePath().normalize().resolve("metadata").resolve("telecube");
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
    return new HikariDataSource(config);
  }

  /**
   * AUTO_SERVER: a second server process (or a CLI) on the same data directory connects through
   * the first over loopback (H2 refuses other hosts) instead of failing on the file lock.
   */
  public static String h2Url(Path file) {
    return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE";
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
