/**
 * Cross-cutting configuration: the warehouse and engine beans, which warehouse this server holds
 * ({@code GET /api/warehouse}), and API errors — problem JSON with a field and a code for every
 * mistake (including Tomcat's own refusals and {@code /error}), its detail from the error bundles
 * in the request's language, and unknown query parameters refused.
 */
package org.telecube.server.system;
