package org.telecube.server.system;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telecube.reports.ReportService;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.churn.ChurnLists;
import org.telecube.warehouse.query.QueryEngine;

/** Opens the embedded warehouse in the data directory and the query engine over it. */
@Configuration(proxyBeanMethods = false)
class WarehouseConfiguration {

  @Bean(destroyMethod = "close")
  Warehouse warehouse(@Value("${telecube.data-dir}") String dataDir) {
    return Warehouse.openEmbedded(Path.of(dataDir));
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
  QueryEngine queryEngine(Warehouse warehouse) {
    return new QueryEngine(warehouse.backend(), warehouse.model());
  }
}
