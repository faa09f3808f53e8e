/**
 * A report's data, built only from cube queries through the warehouse's
 * {@link org.telecube.warehouse.query.QueryEngine} (no SQL), so every number in a report is the
 * cube's number; and the number formats reports print them with.
 */
package org.telecube.reports.data;
