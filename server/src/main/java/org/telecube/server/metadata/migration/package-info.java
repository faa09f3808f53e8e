/** Flyway migrations of the metadata store, applied in version order at start-up. */
package org.telecube.server.metadata.migration;
