package org.telecube.reports.data;

import java.math.BigDecimal;

/**
 * The headline figures of the scope in the report month, with their changes against the previous
 * month (MoM, 环比) and the same month last year (YoY, 同比), each read as the model declares its
 * measure ({@link ChangeReading}); a change's value is null without a base.
 */
public record Kpis(BigDecimal revenue, ChangeReading revenueMonthOnMonth, ChangeReading revenueYearOnYear,
                   BigDecimal arpu, ChangeReading arpuMonthOnMonth, ChangeReading arpuYearOnYear,
                   BigDecimal billedSubscribers, ChangeReading billedSubscribersMonthOnMonth,
                   BigDecimal arrears, ChangeReading arrearsMonthOnMonth) {
}
