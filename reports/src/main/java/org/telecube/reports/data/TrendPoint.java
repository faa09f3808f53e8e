package org.telecube.reports.data;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A month's revenue of the scope, for the 13-month trend. */
public record TrendPoint(YearMonth month, BigDecimal revenue) {
}
