package org.telecube.reports.data;

import java.math.BigDecimal;

/**
 * The headline figures of the scope in the report month, with their changes against the previous
 * month (MoM, 环比) and the same month last year (YoY, 同比); changes are null without a base.
 */
public record Kpis(BigDecimal revenue, Double revenueMonthOnMonth, Double revenueYearOnYear,
                   BigDecimal arpu, Double arpuMonthOnMonth, Double arpuYearOnYear,
                   BigDecimal billedSubscribers, Double billedSubscribersMonthOnMonth,
                   BigDecimal arrears, Double arrearsMonthOnMonth) {
}
