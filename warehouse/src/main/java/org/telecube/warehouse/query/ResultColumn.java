package org.telecube.warehouse.query;

/**
 * A column of a cell set.
 *
 * @param name the key in each cell record: a level ({@code region.province}), a measure
 *     ({@code revenue}) or a time-intelligence variant ({@code revenue:previous_period})
 * @param kind level or measure
 * @param axis rows or columns for levels; null for measures
 * @param format currency, integer, number or percent for measures. A relative change is percent;
 *     a difference keeps its measure's format (a rate's difference is in percentage points)
 * @param change for change columns: relative ({@code (v - b) / |b|}) or difference ({@code v - b});
 *     null for other columns
 * @param higherIsBetter for measure columns (changes included): whether a rise is good news;
 *     null for levels
 */
public record ResultColumn(String name, String kind, String axis, String caption, String format, String change,
                           Boolean higherIsBetter) {
  public ResultColumn(String name, String kind, String axis, String caption, String format) {
    this(name, kind, axis, caption, format, null, null);
  }
}
