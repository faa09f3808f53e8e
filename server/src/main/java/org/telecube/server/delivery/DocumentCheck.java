package org.telecube.server.delivery;

import java.nio.charset.StandardCharsets;
import org.telecube.reports.ReportFormat;

/**
 * Refuses to mail a blank or cut-off document: a PDF must start with its header and end with its
 * end-of-file marker, an XLSX must be a zip, HTML must have a body. Cheap, and the failure shows
 * in the delivery history instead of in a manager's inbox.
 */
final class DocumentCheck {
  private static final int MIN_BYTES = 512;

  private DocumentCheck() {
  }

  static void whole(byte[] document, ReportFormat format) {
    if (document == null || document.length < MIN_BYTES) {
      throw new IllegalStateException("the rendered " + format.code() + " is empty or too small ("
          + (document == null ? 0 : document.length) + " bytes); not sending it");
    }
    boolean ok = switch (format) {
      case PDF -> startsWith(document, "%PDF-") && tail(document).contains("%%EOF");
      case XLSX -> document[0] == 'P' && document[1] == 'K';
      case HTML -> new String(document, StandardCharsets.UTF_8).contains("</html>");
    };
    if (!ok) {
      throw new IllegalStateException("the rendered " + format.code() + " is not a whole document; not sending it");
    }
  }

  private static boolean startsWith(byte[] bytes, String prefix) {
    return new String(bytes, 0, prefix.length(), StandardCharsets.US_ASCII).equals(prefix);
  }

  private static String tail(byte[] bytes) {
    int n = Math.min(1024, bytes.length);
    return new String(bytes, bytes.length - n, n, StandardCharsets.US_ASCII);
  }
}
