package org.telecube.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RestController;
import org.telecube.reports.ReportService;
import org.telecube.warehouse.churn.ChurnLists;
import org.telecube.warehouse.query.QueryEngine;

/**
 * No controller holds the unscoped engine, lists or reports: they get them from
 * {@link ScopedServices}, scoped to the caller, so a new endpoint cannot forget the region scope.
 * The one exception writes, never reads: the ETL controller tells the engine its data changed.
 */
class OnePathServerTest {
  private static final Set<Class<?>> UNSCOPED = Set.of(QueryEngine.class, ChurnLists.class, ReportService.class);
  private static final Set<String> ALLOWED = Set.of("org.telecube.server.etl.EtlController");

  @Test
  void noControllerHoldsTheUnscopedServices() throws Exception {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
    List<String> controllers = new ArrayList<>();
    List<String> offenders = new ArrayList<>();
    for (var candidate : scanner.findCandidateComponents("org.telecube.server")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      controllers.add(type.getSimpleName());
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        for (Class<?> p : c.getParameterTypes()) {
          if (UNSCOPED.contains(p) && !ALLOWED.contains(type.getName())) {
            offenders.add(type.getSimpleName() + " takes " + p.getSimpleName());
          }
        }
      }
    }
    assertThat(controllers).contains("CubeController", "CubeExportController", "ChurnController", "ReportController");
    assertThat(offenders).isEmpty();
  }
}
