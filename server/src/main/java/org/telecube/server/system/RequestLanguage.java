package org.telecube.server.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.telecube.warehouse.model.Language;

/**
 * The language to answer a request's mistakes in: the {@code locale} the request names (query
 * parameter, or the body's field as its controller passes it on), else the first zh/en of
 * Accept-Language, else zh-CN. A {@code locale} that is itself wrong does not count.
 */
public final class RequestLanguage {
  private static final String ATTRIBUTE = RequestLanguage.class.getName();

  private RequestLanguage() {
  }

  /** Remembers the {@code locale} a request body names, for the messages of its errors. */
  public static void fromBody(String locale) {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes != null && locale != null && !locale.isBlank()) {
      attributes.setAttribute(ATTRIBUTE, locale, RequestAttributes.SCOPE_REQUEST);
    }
  }

  /** The language of {@code request}'s error messages. */
  public static Language of(HttpServletRequest request) {
    return named(request.getAttribute(ATTRIBUTE) instanceof String s ? s : null)
        .or(() -> named(queryLocale(request.getQueryString())))
        .or(() -> accepted(header(request, HttpHeaders.ACCEPT_LANGUAGE)))
        .orElse(Language.ZH_CN);
  }

  /**
   * A header the firewall may refuse as it is read (bytes that are control characters as Latin-1):
   * none then. Refusing it here would fail the very answer that reports a mistake, error page included.
   */
  private static String header(HttpServletRequest request, String name) {
    try {
      return request.getHeader(name);
    } catch (RequestRejectedException rejected) {
      return null;
    }
  }

  /**
   * The {@code locale} of the query string. Not {@code getParameter}: that would parse a form or
   * multipart body, and a filter refusing the request must not read (and spool) its upload first.
   */
  static String queryLocale(String query) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("locale=")) {
        try {
          return java.net.URLDecoder.decode(pair.substring("locale=".length()), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static Optional<Language> named(String locale) {
    return locale == null || locale.isBlank() ? Optional.empty() : Language.parse(locale);
  }

  static Optional<Language> accepted(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      // ranges come back sorted by weight
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        if (range.getWeight() > 0 && !range.getRange().startsWith("*")) {
          Optional<Language> l = Language.parse(range.getRange());
          if (l.isPresent()) {
            return l;
          }
        }
      }
    } catch (IllegalArgumentException e) {
      // a malformed header counts as none
    }
    return Optional.empty();
  }
}
