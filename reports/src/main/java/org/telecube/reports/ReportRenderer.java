package org.telecube.reports;

import org.telecube.reports.data.ReportData;

/** Turns a report's data into a document. The seam for another engine than JasperReports. */
public interface ReportRenderer {
  /**
   * Renders {@code data} (built for the report {@link ReportData#reportId()}) as {@code format}.
   *
   * @throws IllegalStateException when the engine fails (a template error: the server's fault)
   */
  byte[] render(ReportData data, ReportFormat format);

  /** Prepares everything that can be prepared before the first request (compiles templates). */
  default void warmUp() {
  }
}
