package org.telecube.warehouse.model;

/** How a measure's values are shown: yuan, whole numbers, decimals or a percentage. */
public enum MeasureFormat {
  CURRENCY, INTEGER, NUMBER, PERCENT
}
