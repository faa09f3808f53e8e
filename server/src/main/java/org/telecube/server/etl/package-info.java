/**
 * Loading feeds through the running server (which holds the warehouse file), without a client
 * ever naming a path on it: files uploaded as multipart ({@code POST /api/etl/uploads}, spooled
 * to {@code <data-dir>/spool} and deleted when the batch ends), or files of the inbox
 * ({@code telecube.etl.inbox}) named by name ({@code GET /api/etl/inbox},
 * {@code POST /api/etl/batches}). Answers name files by their bare name; a name that is no file of
 * the inbox is one 404 however it misses.
 */
package org.telecube.server.etl;
