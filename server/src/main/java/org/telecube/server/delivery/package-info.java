/**
 * Delivering scheduled reports by email, once per schedule and fire time: Quartz (JDBC job store
 * in the metadata store, clustered) fires, a delivery row keyed by schedule and fire time records
 * every step (one row per recipient for a burst schedule), SMTP failures retry with backoff
 * (cancelled when the schedule is deleted or disabled), every report renders as the schedule's
 * owner (or the burst recipient) is now, and {@code /api/deliveries} shows the history.
 */
package org.telecube.server.delivery;
