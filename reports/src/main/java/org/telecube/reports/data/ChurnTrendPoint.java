package org.telecube.reports.data;

import java.time.YearMonth;

/** A month's churn of the scope, for the 13-month trend. */
public record ChurnTrendPoint(YearMonth month, Double churnRate, Long churned) {
}
