package org.telecube.server.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * What Spring Security's firewall refuses (a method it does not allow such as TRACE, an encoded
 * slash, period or percent, a {@code ;} in the path) is answered at once with the same 400 problem
 * JSON as any other mistake. The default handler sends the error page instead, and the firewall
 * refuses that dispatch again for the same method, leaving an empty 400.
 */
@Component
class FirewallRejections implements RequestRejectedHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FirewallRejections.class);

  private final ObjectMapper json;

  FirewallRejections(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    LOG.debug("refused by the firewall: {}", e.getMessage());
    if (response.isCommitted()) {
      return;
    }
    ProblemDetail problem = Problems.ofStatus(request, HttpStatus.BAD_REQUEST.value());
    response.resetBuffer();
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    // the security headers' filter has not run for a refused request: the two that matter for an error
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    json.writeValue(response.getOutputStream(), problem);
  }
}
