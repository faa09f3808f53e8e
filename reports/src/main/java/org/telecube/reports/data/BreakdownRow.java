package org.telecube.reports.data;

import java.math.BigDecimal;

/**
 * One member's revenue in the report month.
 *
 * @param share of the scope's revenue (0..1)
 * @param monthOnMonth revenue's change against the previous month (环比); its value is null when that month had no revenue
 * @param yearOnYear revenue's change against the same month last year (同比); its value is null when that month had no revenue
 */
public record BreakdownRow(String key, String caption, BigDecimal revenue, Double share, ChangeReading monthOnMonth,
                           ChangeReading yearOnYear) {
}
