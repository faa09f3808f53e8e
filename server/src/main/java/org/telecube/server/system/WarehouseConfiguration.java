package org.telecube.server.system;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telecube.reports.ReportService;
import org.telecube.server.load.LoadSettings;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.churn.ChurnLists;
import org.telecube.warehouse.query.QueryEngine;
import org.telecube.warehouse.query.ResultCache;

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
                      @Value("${telecube.warehouse.pool-size:0}") int poolSize,
                      @Value("${telecube.scheduler.threads:2}") int deliveryThreads,
                      @Value("${telecube.duckdb.memory-limit:}") String duckDbMemoryLimit,
                      @Value("${telecube.duckdb.threads:0}") int duckDbThreads,
                      LoadSettings load) {
    // a backend's own options (TELECUBE_DRUID_*, TELECUBE_DUCKDB_*) come from the environment, as on the command line
    Map<String, String> options = new TreeMap<>(BackendSettings.optionsFrom(System.getenv()));
    options.put(BackendSettings.POOL_TIMEOUT_MILLIS, String.valueOf(load.poolTimeout().toMillis()));
    if (!duckDbMemoryLimit.isBlank()) {
      options.put("duckdb.memory-limit", duckDbMemoryLimit.trim());
    }
    if (duckDbThreads > 0) {
      options.put("duckdb.threads", String.valueOf(duckDbThreads));
    }
    // enough connections that the bounded pools never wait for one
    int connections = poolSize > 0 ? poolSize : load.poolSize(deliveryThreads);
    return Warehouse.open(new BackendSettings(backend, Path.of(dataDir), url, username, password, connections,
        options));
  }

  @Bean
  ChurnLists churnLists(QueryEngine engine) {
    return new ChurnLists(engine);
  }

  @Bean
  ReportService reportService(QueryEngine engine, ChurnLists churnLists) {
    return new ReportService(engine, churnLists);
  }

  /** The one engine every answer comes from (API, exports, reports), with the result cache. */
  @Bean
  QueryEngine queryEngine(Warehouse warehouse, @Value("${telecube.cache.max-cells:1000000}") long maxCells,
                          @Value("${telecube.query.aggregates:true}") boolean aggregates) {
    QueryEngine engine = new QueryEngine(warehouse.backend(), warehouse.model()).withCache(new ResultCache(maxCells));
    return aggregates ? engine : engine.withoutAggregates();
  }
}
