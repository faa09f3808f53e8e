package org.telecube.warehouse.model;

/** How a stored measure aggregates fact rows within one month. */
public enum Aggregate {
  SUM, COUNT, DISTINCT_COUNT,
  /** The number of months the period spans in the data: a denominator for "per month" ratios. */
  MONTHS
}
