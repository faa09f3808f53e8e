package org.telecube.reports.data;

/**
 * The headline subscriber figures of the scope in the report month.
 *
 * @param churnRatePreviousMonth the churn rate of the month before, for the change in points
 */
public record ChurnKpis(Long activeEnd, Double activeEndMonthOnMonth, Long newSubscribers, Long churned,
                        Double churnedMonthOnMonth, Double churnRate, Double churnRatePreviousMonth, Long netAdds,
                        Long atRisk, Double atRiskShare) {
}
