package org.telecube.reports.data;

/**
 * One member's subscribers and churn in the report month.
 *
 * @param activeEnd subscribers on the network at the month's end
 * @param churnRate churned ÷ active at the month's start (null without a base)
 * @param churnedShare this member's share of the scope's churned subscribers
 * @param atRiskShare at-risk subscribers ÷ active at the month's end
 */
public record ChurnRow(String key, String caption, Long activeEnd, Long churned, Double churnRate,
                       Double churnedShare, Double atRiskShare) {
}
