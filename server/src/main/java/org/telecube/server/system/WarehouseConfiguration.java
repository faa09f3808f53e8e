package org.telecube.server.system;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telecube.reports.ReportService;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.churn.ChurnLists;
import org.telecube.warehouse.query.QueryEngine;

/**
 * Opens the warehouse {@code telecube.backend} names (the embedded DuckDB file in the data
 * directory by default, PostgreSQL or Druid at {@code telecube.warehouse.url}) and the engine over it.
 */
@Configuration(proxyBeanMethods = false)
class WarehouseConfiguration {

  @Bean(destroyMethod = "close")
  Warehouse warehouse(@Value("${telecube.data-dir}") String dataDir, @Value("${telecube.backend:duckdb}") String backend,
                      @Value("${telecube.warehouse.url:}") String url,
                      @Value("${telecube.warehouse.username:}") String username,
                      @Value("${telecube.warehouse.password:}") String password,
                      @Value("${telecube.warehouse.pool-size:0}") int poolSize) {
    // a backend's own options (TELECUBE_DRUID_*) come from the environment, as on the command line
    return Warehouse.open(new BackendSettings(backend, Path.of(dataDir), url, username, password, poolSize,
        BackendSettings.optionsFrom(System.getenv())));
  }

  @Bean
  ChurnLists churnLists(QueryEngine engine) {
    return new ChurnLists(engine);
  }

  @Bean
  ReportService reportService(QueryEngine engine, ChurnLists churnLists) {
    return new ReportService(engine, churnLists);
  }

  @Bean
  QueryEngine queryEngine(Warehouse warehouse, @Value("${telecube.query.aggregates:true}") boolean aggregates) {
    QueryEngine engine = new QueryEngine(warehouse.backend(), warehouse.model());
    return aggregates ? engine : engine.withoutAggregates();
  }
}
