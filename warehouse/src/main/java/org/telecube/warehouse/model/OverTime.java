package org.telecube.warehouse.model;

/**
 * How monthly values of a stored measure combine over a longer period. Anything but SUM makes the
 * measure semi-additive: summed across other dimensions, never across time.
 */
public enum OverTime {
  SUM, AVERAGE, FIRST, LAST
}
