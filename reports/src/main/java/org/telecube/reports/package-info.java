/**
 * Reports: the catalog of report definitions and {@link org.telecube.reports.ReportService}, which
 * checks a request, builds the report's data from cube queries and renders it through a
 * {@link org.telecube.reports.ReportRenderer} (JasperReports for PDF and HTML; the
 * XLSX edition as plain tables, package {@code xlsx}). The server and the CLI call only
 * this package.
 *
 * <p>{@code ReportService.scoped} gives a viewer's service: every number from the engine scoped to
 * the viewer's region, the viewer's region as the default report scope, a region above or beside
 * it refused ({@code out_of_scope}), and the parent's compiled templates.
 */
package org.telecube.reports;
