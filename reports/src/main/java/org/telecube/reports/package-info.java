/**
 * Reports: the catalog of report definitions and {@link org.telecube.reports.ReportService}, which
 * checks a request, builds the report's data from cube queries and renders it through a
 * {@link org.telecube.reports.ReportRenderer} (JasperReports for PDF and HTML; the
 * XLSX edition as plain tables, package {@code xlsx}). The server and the CLI call only
 * this package.
 */
package org.telecube.reports;
