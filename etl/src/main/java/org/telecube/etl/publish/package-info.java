/**
 * From the ETL's work area to a backend that is not the work area (PostgreSQL, Druid): which
 * tables a batch publishes ({@link org.telecube.etl.publish.PublicationPlan}), and
 * {@link org.telecube.etl.publish.Publishing}, which publishes a batch, a recomputation, or the
 * whole work area again ({@code telecube etl publish}). The backend's
 * {@link org.telecube.warehouse.backend.StarPublisher} moves them, in one transaction.
 */
package org.telecube.etl.publish;
