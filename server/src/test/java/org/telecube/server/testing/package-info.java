/**
 * Test fixtures shared by the server's tests, such as the sample warehouse and a real browser. The
 * throwaway PostgreSQL server lives in the PostgreSQL backend's test-jar
 * ({@code org.telecube.backend.postgres.testing.EmbeddedPostgres}).
 */
package org.telecube.server.testing;
