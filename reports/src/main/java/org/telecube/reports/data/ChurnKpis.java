package org.telecube.reports.data;

/**
 * The headline subscriber figures of the scope in the report month; changes against the previous
 * month are read as the model declares each measure ({@link ChangeReading}: churned and the churn
 * rate are higher-is-worse, the churn rate's change a difference in percentage points).
 *
 * @param churnRatePreviousMonth the churn rate of the month before
 * @param churnRateMonthOnMonth the churn rate's change against the month before
 */
public record ChurnKpis(Long activeEnd, ChangeReading activeEndMonthOnMonth, Long newSubscribers, Long churned,
                        ChangeReading churnedMonthOnMonth, Double churnRate, Double churnRatePreviousMonth,
                        ChangeReading churnRateMonthOnMonth, Long netAdds, Long atRisk, Double atRiskShare) {
}
