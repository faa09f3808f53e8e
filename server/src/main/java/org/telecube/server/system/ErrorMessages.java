package org.telecube.server.system;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.telecube.warehouse.model.Language;

/**
 * The text of an error code in one language, from the bundle of the module that raised it: codes
 * live in {@code <module package>/errors_*.properties} (the warehouse's query codes in
 * {@code org/telecube/warehouse/query/messages_*.properties}). A code missing in the language
 * falls back to English, then to the exception's own English message: a missing translation is a
 * test failure, never a crash.
 */
public final class ErrorMessages {
  /** Schedules, deliveries, ETL batches and HTTP-level mistakes. */
  public static final String SERVER = "org.telecube.server.system.errors";
  /** {@code ReportException} codes. */
  public static final String REPORTS = "org.telecube.reports.errors";
  /** {@code QueryException} codes. */
  public static final String QUERY = "org.telecube.warehouse.query.messages";
  /** Every bundle of error codes, for the checks that each code has its text in each language. */
  public static final List<String> BUNDLES = List.of(SERVER, REPORTS, QUERY);

  private ErrorMessages() {
  }

  /**
   * The text of {@code code} in {@code language}, filled with {@code args}, from {@code first}
   * (the raising module's bundle) or else any other error bundle.
   *
   * @param fallback the exception's English message, when no bundle has the code
   */
  public static String format(Language language, String first, String code, List<String> args, String fallback) {
    List<String> order = new ArrayList<>();
    order.add(first);
    BUNDLES.stream().filter(b -> !b.equals(first)).forEach(order::add);
    for (Language l : language == Language.EN ? List.of(Language.EN) : List.of(language, Language.EN)) {
      for (String base : order) {
        String pattern = pattern(base, l, code);
        if (pattern != null) {
          try {
            return new MessageFormat(pattern, l.locale()).format(args.toArray());
          } catch (IllegalArgumentException e) {
            return fallback != null ? fallback : code;
          }
        }
      }
    }
    return fallback != null && !fallback.isBlank() ? fallback : code;
  }

  /** The bundle of {@code base} in {@code language} alone (never the machine's default locale). */
  public static ResourceBundle bundle(String base, Language language) {
    return ResourceBundle.getBundle(base, language.locale(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static String pattern(String base, Language language, String code) {
    if (code == null) {
      return null;
    }
    try {
      ResourceBundle bundle = bundle(base, language);
      return bundle.containsKey(code) ? bundle.getString(code) : null;
    } catch (MissingResourceException e) {
      return null;
    }
  }
}
