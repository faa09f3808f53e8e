/**
 * Reports over HTTP: the catalog and rendered documents, which the reports page
 * ({@code static/reports.html}) shows and downloads.
 */
package org.telecube.server.report;
