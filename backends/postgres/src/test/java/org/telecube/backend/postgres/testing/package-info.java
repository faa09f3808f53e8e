/**
 * Test fixtures shared through this module's test-jar: a throwaway PostgreSQL server run from the
 * Maven Central binaries ({@link org.telecube.backend.postgres.testing.EmbeddedPostgres}), used by
 * the PostgreSQL backend's tests and the server's.
 */
package org.telecube.backend.postgres.testing;
