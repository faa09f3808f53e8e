package org.telecube.server.metadata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code telecube.metadata.*}: where schedules, deliveries and Quartz's tables live.
 *
 * @param url a JDBC URL ({@code jdbc:postgresql://host/db}); empty = an H2 file under the data directory
 */
@ConfigurationProperties("telecube.metadata")
public record MetadataStoreSettings(@DefaultValue("") String url, @DefaultValue("") String username,
                                    @DefaultValue("") String password, @DefaultValue("5") int poolSize) {
}
