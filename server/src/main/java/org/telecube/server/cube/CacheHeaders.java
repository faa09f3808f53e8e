package org.telecube.server.cube;

import java.util.Locale;

/** The result cache over HTTP: {@code X-TeleCube-Cache: hit|miss|bypass} out, {@code Cache-Control: no-cache} in. */
final class CacheHeaders {
  static final String NAME = "X-TeleCube-Cache";

  private CacheHeaders() {
  }

  /** Whether the request asks for a fresh answer ({@code no-cache} or {@code no-store} among its directives). */
  static boolean bypass(String cacheControl) {
    if (cacheControl == null) {
      return false;
    }
    for (String directive : cacheControl.split(",")) {
      String d = directive.trim().toLowerCase(Locale.ROOT);
      if (d.equals("no-cache") || d.equals("no-store") || d.startsWith("no-cache=")) {
        return true;
      }
    }
    return false;
  }
}
