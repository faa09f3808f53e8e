package org.telecube.server.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code telecube.scheduler.*}: the Quartz scheduler behind deliveries.
 *
 * @param enabled false keeps this instance from firing anything (it still serves the API)
 * @param instanceId this instance's id in the cluster; AUTO = host name and start time
 * @param checkinInterval how often an instance tells the others it is alive; a silent instance's
 *     running deliveries are taken over after about this long
 * @param threads deliveries rendered and sent at the same time
 */
@ConfigurationProperties("telecube.scheduler")
public record SchedulerSettings(@DefaultValue("true") boolean enabled,
                                @DefaultValue("AUTO") String instanceId,
                                @DefaultValue("15s") Duration checkinInterval,
                                @DefaultValue("2") int threads) {
}
