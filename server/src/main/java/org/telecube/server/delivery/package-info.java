/**
 * Delivering scheduled reports by email, once per schedule and fire time: Quartz (JDBC job store
 * in the metadata store, clustered) fires, a delivery row keyed by schedule and fire time records
 * every step, SMTP failures retry with backoff, and {@code /api/deliveries} shows the history.
 */
package org.telecube.server.delivery;
