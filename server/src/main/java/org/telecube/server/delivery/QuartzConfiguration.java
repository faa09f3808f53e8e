package org.telecube.server.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Quartz with its JDBC job store in the metadata store, clustered: every instance on the same
 * store shares the triggers, one of them fires each, and a dead instance's running deliveries are
 * recovered by another. Triggers are changed inside Spring transactions on the same data source,
 * so a schedule row and its trigger commit together.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SchedulerSettings.class, DeliverySettings.class})
class QuartzConfiguration {
  /** The cluster's name in Quartz's tables; migration V3 creates its lock rows under it. */
  static final String SCHEDULER_NAME = "telecube";

  @Bean
  SchedulerFactoryBean deliveryScheduler(DataSource dataSource, PlatformTransactionManager transactions,
                                         ApplicationContext context, SchedulerSettings scheduler,
                                         DeliverySettings delivery,
                                         org.telecube.server.metadata.StoreIdentity store) throws SQLException {
    SchedulerFactoryBean factory = new SchedulerFactoryBean();
    factory.setSchedulerName(SCHEDULER_NAME);
    factory.setDataSource(dataSource);
    factory.setTransactionManager(transactions);
    SpringBeanJobFactory jobs = new SpringBeanJobFactory();
    jobs.setApplicationContext(context);
    factory.setJobFactory(jobs);
    // a copied data directory's store keeps its schedules paused (StoreIdentity)
    factory.setAutoStartup(scheduler.enabled() && store.mayFire());
    factory.setWaitForJobsToCompleteOnShutdown(true);
    factory.setOverwriteExistingJobs(true);

    Properties quartz = new Properties();
    quartz.setProperty("org.quartz.scheduler.instanceId", scheduler.instanceId());
    quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    quartz.setProperty("org.quartz.jobStore.isClustered", "true");
    quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(scheduler.checkinInterval().toMillis()));
    quartz.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(delivery.missedAfter().toMillis()));
    quartz.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    quartz.setProperty("org.quartz.jobStore.driverDelegateClass", delegate(dataSource));
    quartz.setProperty("org.quartz.threadPool.threadCount", String.valueOf(scheduler.threads()));
    factory.setQuartzProperties(quartz);
    return factory;
  }

  /** PostgreSQL stores job data as bytea and needs its own delegate; H2 works with the standard one. */
  private static String delegate(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      return (product.contains("postgres") ? PostgreSQLDelegate.class : StdJDBCDelegate.class).getName();
    }
  }
}
