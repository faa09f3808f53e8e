/**
 * Cross-cutting configuration: the warehouse (its pool sized for the bounded work pools) and the
 * engine with its result cache, which warehouse this server holds
 * ({@code GET /api/warehouse}), and API errors — problem JSON with a field and a code for every
 * mistake (including Tomcat's and the security firewall's own refusals and {@code /error}), its detail from the error bundles
 * in the request's language, unknown query parameters refused, and request bodies bounded
 * (413 past {@code telecube.http.max-body}; feed uploads have the multipart limits instead); a 403
 * is published as {@link org.telecube.server.system.RequestDenied} for the audit log. Load is not a
 * fault: a full
 * pool or a warehouse connection that did not come in time is a 503 with Retry-After
 * ({@link org.telecube.server.system.ServerBusyException}).
 */
package org.telecube.server.system;
