package org.telecube.reports.data;

import java.math.BigDecimal;

/**
 * One member's revenue in the report month.
 *
 * @param share of the scope's revenue (0..1)
 * @param monthOnMonth change against the previous month (环比), null when it had no revenue
 * @param yearOnYear change against the same month last year (同比), null when it had no revenue
 */
public record BreakdownRow(String key, String caption, BigDecimal revenue, Double share, Double monthOnMonth,
                           Double yearOnYear) {
}
