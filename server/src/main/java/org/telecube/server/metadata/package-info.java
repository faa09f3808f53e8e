/**
 * The metadata store: schedules, deliveries and Quartz's job store in one relational database — an
 * H2 file under the data directory by default, PostgreSQL when configured — versioned with Flyway.
 * The default H2 store serves other processes on the same directory over loopback only, keeps
 * its key owner-readable and refuses to be answered by a copied directory's original.
 */
package org.telecube.server.metadata;
