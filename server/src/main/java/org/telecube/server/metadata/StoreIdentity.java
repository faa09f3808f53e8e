package org.telecube.server.metadata;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether this server may fire the schedules of its metadata store. The default store lives in the
 * data directory; a copy of the directory made while no server ran (a backup restored beside the
 * original, a test copy) would fire the same schedules a second time. The store records the
 * directory it was made for; a server on another directory leaves the schedules paused and says
 * so, until started with {@code telecube.metadata.adopt=true}. An explicit store URL (PostgreSQL,
 * shared by a cluster on purpose) is not checked.
 */
@Component
@DependsOn("flywayInitializer")
public class StoreIdentity {
  private static final Logger LOG = LoggerFactory.getLogger(StoreIdentity.class);

  private final boolean mayFire;
  private final String recorded;

  public StoreIdentity(JdbcClient jdbc, MetadataStoreSettings settings, Clock clock,
                       @Value("${telecube.data-dir}") String dataDir,
                       @Value("${telecube.metadata.adopt:false}") boolean adopt) {
    String ours = real(Path.of(dataDir));
    if (!settings.url().isBlank()) {
      this.mayFire = true;
      this.recorded = ours;
      return;
    }
    Optional<String> found = jdbc.sql("select data_dir from metadata_store").query(String.class).optional();
    if (found.isEmpty()) {
      jdbc.sql("insert into metadata_store (id, data_dir, created_at) values (?, ?, ?)")
          .params(UUID.randomUUID().toString(), ours, UtcTimestamps.of(clock.instant())).update();
      this.mayFire = true;
      this.recorded = ours;
    } else if (found.get().equals(ours) || adopt) {
      if (!found.get().equals(ours)) {
        jdbc.sql("update metadata_store set data_dir = ?").param(ours).update();
        LOG.warn("adopted the schedules of the metadata store made for {}: they fire from {} now", found.get(), ours);
      }
      this.mayFire = true;
      this.recorded = ours;
    } else {
      this.mayFire = false;
      this.recorded = found.get();
      LOG.warn("the metadata store in {} was made for the data directory {}: this looks like a copy, so its "
          + "schedules do not fire here (they would go out twice). Start with --telecube.metadata.adopt=true "
          + "(TELECUBE_METADATA_ADOPT=true) to take them over.", ours, found.get());
    }
  }

  /** Whether this server's scheduler may start. */
  public boolean mayFire() {
    return mayFire;
  }

  /** The data directory the store was made for. */
  public String recorded() {
    return recorded;
  }

  private static String real(Path dir) {
    try {
      return dir.toRealPath().toString();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize().toString();
    }
  }
}
