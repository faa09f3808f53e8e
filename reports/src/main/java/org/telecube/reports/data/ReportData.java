package org.telecube.reports.data;

import org.telecube.warehouse.model.Language;

/** The data of one rendered report, built from cube queries, in one language. */
public interface ReportData {
  /** The catalog id of the report this data is for. */
  String reportId();

  Language language();

  /** The title and headline figures as text, in the report's language. */
  ReportSummary summary();
}
