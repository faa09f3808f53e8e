package org.telecube.server.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.telecube.warehouse.model.Language;

/**
 * Tomcat's own error report for what it refuses before Spring sees the request (a NUL or an
 * encoded slash in the path, a malformed request line): problem JSON with a code, like every other
 * error, instead of Tomcat's HTML page.
 */
final class ProblemReportValve extends ErrorReportValve {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean io = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
    if (!io.get()) {
      return;
    }
    HttpStatus s = HttpStatus.resolve(status);
    String code = status == 404 ? "not_found" : status >= 500 ? "internal_error" : "bad_request";
    Language language = RequestLanguage.accepted(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)).orElse(Language.ZH_CN);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", s == null ? "Error" : s.getReasonPhrase());
    problem.put("status", status);
    problem.put("detail", ErrorMessages.format(language, ErrorMessages.SERVER, code,
        List.of(String.valueOf(request.getDecodedRequestURI()), String.valueOf(request.getMethod())), code));
    problem.put("field", null);
    problem.put("code", code);
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(JSON.writeValueAsString(problem));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client went away: nothing to report to
    }
  }

  /** Puts the valve in place of the host's HTML one once the host has set it up. */
  @Component
  static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
        if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
          for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
              host.getPipeline().removeValve(valve);
              host.getPipeline().addValve(new ProblemReportValve());
            }
          }
        }
      }));
    }
  }
}
