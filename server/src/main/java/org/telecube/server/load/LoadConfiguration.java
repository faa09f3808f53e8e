package org.telecube.server.load;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two bounded pools — cube queries, report rendering — from {@code telecube.query.*} and {@code telecube.report.*}. */
@Configuration(proxyBeanMethods = false)
class LoadConfiguration {
  /** Seconds a client is told to wait (Retry-After) when a pool is full: a query takes seconds, a report longer. */
  private static final long QUERY_RETRY_AFTER = 2;
  private static final long REPORT_RETRY_AFTER = 10;

  @Bean
  LoadSettings loadSettings(@Value("${telecube.query.threads:0}") int queryThreads,
                            @Value("${telecube.query.queue:64}") int queryQueue,
                            @Value("${telecube.query.timeout:60s}") Duration queryTimeout,
                            @Value("${telecube.report.threads:0}") int reportThreads,
                            @Value("${telecube.report.queue:64}") int reportQueue,
                            @Value("${telecube.report.timeout:300s}") Duration reportTimeout,
                            @Value("${telecube.warehouse.pool-timeout:5s}") Duration poolTimeout) {
    return new LoadSettings(queryThreads, queryQueue, queryTimeout, reportThreads, reportQueue, reportTimeout,
        poolTimeout);
  }

  @Bean(destroyMethod = "close")
  WorkPool queryPool(LoadSettings settings) {
    return new WorkPool("query", settings.queryThreads(), settings.queryQueue(), settings.queryTimeout(),
        QUERY_RETRY_AFTER);
  }

  @Bean(destroyMethod = "close")
  WorkPool reportPool(LoadSettings settings) {
    return new WorkPool("report", settings.reportThreads(), settings.reportQueue(), settings.reportTimeout(),
        REPORT_RETRY_AFTER);
  }
}
