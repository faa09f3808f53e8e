/**
 * The metadata store: schedules, deliveries and Quartz's job store in one relational database — an
 * H2 file under the data directory by default, PostgreSQL when configured — versioned with Flyway.
 */
package org.telecube.server.metadata;
