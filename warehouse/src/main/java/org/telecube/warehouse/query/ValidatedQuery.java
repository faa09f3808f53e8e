package org.telecube.warehouse.query;

import java.util.List;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.model.Measure;

/** A query checked against the model: every name resolved, every value well-formed. */
record ValidatedQuery(Cube cube, Language language, List<ResolvedLevel> rows,
                      List<ResolvedLevel> columns, List<Measure> measures,
                      List<ResolvedFilter> filters, List<OrderKey> order, int limit,
                      boolean totals, List<TimeIntelligence> timeIntelligence) {

  List<ResolvedLevel> levels() {
    return java.util.stream.Stream.concat(rows.stream(), columns.stream()).toList();
  }
}
