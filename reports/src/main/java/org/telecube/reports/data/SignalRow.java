package org.telecube.reports.data;

/**
 * One early-warning signal: how many subscribers it fired for in the month.
 *
 * @param measure the cube measure, e.g. {@code signal_bill_drop}
 * @param caption the measure's caption from the model, without its "signal:" prefix
 * @param shareOfActive subscribers ÷ active at the month's end
 */
public record SignalRow(String measure, String caption, Long subscribers, Double shareOfActive) {
}
