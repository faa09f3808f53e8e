package org.telecube.reports.data;

import java.time.LocalDate;
import java.util.List;

/**
 * A report's title and headline figures as text, for the body of an email or a notification that
 * carries the document itself as an attachment.
 *
 * @param title the report's title (月度收入报告)
 * @param scope the scope's caption (全国, 广东省)
 * @param month the month as people write it (2025年11月, November 2025)
 * @param figures the headline figures, in the order the report shows them
 */
public record ReportSummary(String title, String scope, String month, LocalDate asOf, List<Figure> figures) {
  public ReportSummary {
    figures = List.copyOf(figures);
  }

  /**
   * One headline figure: {@code 收入 ¥12,345,678 (环比 +3.4% · 同比 -1.2%)}.
   *
   * @param note the comparison printed beside the value; empty when there is none
   */
  public record Figure(String label, String value, String note) {
  }
}
