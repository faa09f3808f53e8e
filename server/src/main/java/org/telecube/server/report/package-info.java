/**
 * Reports over HTTP: the catalog and rendered documents, which the reports page
 * ({@code static/reports.html}) shows and downloads. Rendering runs on the bounded report pool.
 */
package org.telecube.server.report;
