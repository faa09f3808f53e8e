/**
 * Cross-cutting configuration: the warehouse and engine beans, which warehouse this server holds
 * ({@code GET /api/warehouse}), API error mapping.
 */
package org.telecube.server.system;
