/**
 * The JasperReports implementation of {@link org.telecube.reports.ReportRenderer}: templates
 * ({@code .jrxml} under {@code org/telecube/reports/templates}) compiled once and cached, filled
 * from the report data, exported to PDF with the embedded CJK font of the font extension, or to
 * HTML. XLSX is not exported from the pages: {@link org.telecube.reports.xlsx.ReportWorkbook}
 * writes the data as tables.
 */
package org.telecube.reports.jasper;
