/**
 * Loading a batch of feed files into the warehouse in one transaction, in the ETL's work area (the
 * DuckDB file in the data directory, which is the warehouse itself with the default backend).
 *
 * <p>Entry point: {@link org.telecube.etl.load.EtlLoader#load}. Files are ordered reference →
 * subscribers → billing → usage → service events, validated by {@link org.telecube.etl.feed},
 * appended with the DuckDB appender into per-feed temp tables (on a second thread, so a file's
 * parsing overlaps the appending: {@link org.telecube.etl.load.OverlappedSink}), merged into the stg_* / ref_*
 * tables by natural key (a reload replaces, never duplicates; within a batch the last row for a
 * key wins), then {@link org.telecube.etl.derive.Derivation} rebuilds the star. Rejects go to
 * etl_reject, files (with their sha256) to etl_file, the batch to etl_batch. When the backend is
 * not the work area (PostgreSQL), {@link org.telecube.etl.publish.Publishing} publishes the
 * touched tables to it in its own transaction before the work area commits. All of it commits
 * together or not at all, so an exception or a killed process leaves the warehouse unchanged.
 *
 * <p>A file whose content (sha256 of its bytes as stored) was loaded before is skipped. A file
 * that cannot be loaded as a whole (unknown feed, missing required column, not UTF-8, broken
 * gzip/CSV) refuses the whole batch: {@link org.telecube.etl.load.BatchRefusedException}, and
 * nothing of the batch is loaded.
 */
package org.telecube.etl.load;
