package org.telecube.warehouse.query;

import org.telecube.warehouse.model.Caption;
import org.telecube.warehouse.model.Language;

/** Column captions for time-intelligence variants, in both languages. */
final class TimeIntelligenceCaptions {
  private TimeIntelligenceCaptions() {
  }

  static String caption(TimeIntelligence ti, Language language) {
    Caption c = switch (ti) {
      case PREVIOUS_PERIOD -> Caption.of("上期", "previous period");
      case PREVIOUS_PERIOD_CHANGE -> Caption.of("环比", "change vs previous period");
      case SAME_PERIOD_LAST_YEAR -> Caption.of("去年同期", "same period last year");
      case SAME_PERIOD_LAST_YEAR_CHANGE -> Caption.of("同比", "change vs last year");
      case YEAR_TO_DATE -> Caption.of("年累计", "year to date");
    };
    return c.in(language);
  }
}
