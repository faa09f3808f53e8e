package org.telecube.server.load;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.function.BooleanSupplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.RequestFacade;
import org.apache.coyote.ActionCode;

/**
 * Whether the client of a request that waits asynchronously has closed its connection. Tomcat
 * does not watch an async request's socket (nothing is read or written while the answer is being
 * computed), so no AsyncListener hears of a client that went away; this asks Tomcat for a
 * non-blocking read of the socket instead: once the body has been read, a connection that has
 * something to read was closed (EOF or reset — Tomcat reports both as available) or is pipelining
 * its next request, which browsers and HTTP clients do not do. The bytes of a pipelined request
 * stay in Tomcat's buffer. On another container it never reports a close.
 */
final class ClientConnection {
  private static final BooleanSupplier UNKNOWN = () -> false;

  private ClientConnection() {
  }

  /**
   * A check to call while the request waits (not once the answer is being written). Called on
   * the request's thread: it first reads what is left of the body (a JSON parser may stop at
   * the closing brace), so that only bytes after the body count.
   */
  static BooleanSupplier closed(ServletRequest request) {
    try {
      InputStream body = request.getInputStream();
      byte[] rest = new byte[512];
      while (body.read(rest) >= 0) {
        // trailing whitespace of the body
      }
    } catch (IOException | IllegalStateException e) {
      return UNKNOWN;
    }
    ServletRequest r = request;
    while (r instanceof ServletRequestWrapper w) {
      r = w.getRequest();
    }
    if (!(r instanceof RequestFacade facade)) {
      return UNKNOWN;
    }
    try {
      Field field = RequestFacade.class.getDeclaredField("request");
      field.setAccessible(true);
      org.apache.coyote.Request coyote = ((Request) field.get(facade)).getCoyoteRequest();
      return () -> {
        coyote.action(ActionCode.AVAILABLE, Boolean.TRUE);
        return coyote.getAvailable() > 0;
      };
    } catch (ReflectiveOperationException | RuntimeException e) {
      return UNKNOWN;
    }
  }
}
