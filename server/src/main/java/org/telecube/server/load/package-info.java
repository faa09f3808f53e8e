/**
 * Holding load: cube queries and exports run on one bounded {@link org.telecube.server.load.WorkPool},
 * rendered reports on another, each with a bounded queue, so that fifty analysts get answers or a
 * fast 503 with Retry-After — never a 500 after a long wait — and reports cannot starve queries.
 * {@link org.telecube.server.load.AsyncWork} runs a request's work off the servlet thread and
 * cancels its SQL when the request times out or the client goes away.
 */
package org.telecube.server.load;
