/**
 * Who may see and do what: users with a role (admin, analyst, manager, loader) bound to an org
 * unit whose region is what they may see; bcrypt passwords, session login with CSRF for the pages,
 * hashed bearer tokens for scripts; the route-by-role rules and security headers
 * ({@code SecurityConfiguration}); rate limits per token, user and client address (429 with
 * Retry-After); the first admin; the audit log of logins, token use, downloads, list views, loads,
 * schedule changes and refusals.
 */
package org.telecube.server.security;
