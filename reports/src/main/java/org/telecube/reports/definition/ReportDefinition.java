package org.telecube.reports.definition;

import java.util.List;
import org.telecube.reports.ReportFormat;
import org.telecube.warehouse.model.Caption;

/**
 * One report of the catalog.
 *
 * @param id stable name in URLs and commands: {@code monthly-revenue}
 * @param cube the cube the report's numbers come from
 */
public record ReportDefinition(String id, Caption title, Caption description, String cube,
                               List<ReportParameter> parameters, List<ReportFormat> formats) {
  public ReportDefinition {
    parameters = List.copyOf(parameters);
    formats = List.copyOf(formats);
  }
}
