package org.telecube.reports.data;

import java.text.MessageFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import org.telecube.warehouse.model.Language;

/**
 * The labels of reports in one language, from {@code org/telecube/reports/messages_*.properties}
 * (never the machine's locale: no fallback to the default locale).
 */
public final class ReportMessages {
  public static final String BUNDLE = "org.telecube.reports.messages";

  private final Language language;
  private final ResourceBundle bundle;

  private ReportMessages(Language language, ResourceBundle bundle) {
    this.language = language;
    this.bundle = bundle;
  }

  public static ReportMessages of(Language language) {
    return new ReportMessages(language, bundle(language));
  }

  /** The bundle for {@code language}, as Jasper's {@code $R{...}} reads it. */
  public static ResourceBundle bundle(Language language) {
    return ResourceBundle.getBundle(BUNDLE, language.locale(),
        ResourceBundle.Control.getNoFallbackControl(List.of("java.properties")));
  }

  public Language language() {
    return language;
  }

  public ResourceBundle bundle() {
    return bundle;
  }

  public String get(String key) {
    return bundle.getString(key);
  }

  /** The month as the report's language writes it ({@code month.pattern}: 2025年11月, November 2025). */
  public String month(YearMonth month) {
    return DateTimeFormatter.ofPattern(get("month.pattern"), language.locale()).format(month);
  }

  public String format(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), language.locale()).format(args);
  }
}
