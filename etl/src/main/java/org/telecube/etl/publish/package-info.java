/**
 * From the ETL's work area to a backend that is not the work area (PostgreSQL): which tables a
 * batch publishes ({@link org.telecube.etl.publish.PublicationPlan}). The backend's
 * {@link org.telecube.warehouse.backend.StarPublisher} moves them, in one transaction.
 */
package org.telecube.etl.publish;
