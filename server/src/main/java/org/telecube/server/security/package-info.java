/**
 * Who may see and do what: users with a role (admin, analyst, manager, loader) bound to an org
 * unit whose region is what they may see; bcrypt passwords, session login with CSRF for the pages,
 * hashed bearer tokens for scripts; the route-by-role rules and security headers
 * ({@code SecurityConfiguration}); the first admin; the audit log.
 */
package org.telecube.server.security;
