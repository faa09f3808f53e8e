package org.telecube.server.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Published when the API answers 403 (another region's member, another's schedule, a role check
 * inside a controller), so the audit log records the refusal.
 *
 * @param code the problem's code: out_of_scope, forbidden ...
 */
public record RequestDenied(HttpServletRequest request, String code) {
}
