package org.telecube.warehouse.query;

/**
 * A column of a cell set.
 *
 * @param name the key in each cell record: a level ({@code region.province}), a measure
 *     ({@code revenue}) or a time-intelligence variant ({@code revenue:previous_period})
 * @param kind level or measure
 * @param axis rows or columns for levels; null for measures
 * @param format currency, integer, number or percent for measures (changes are percent)
 */
public record ResultColumn(String name, String kind, String axis, String caption, String format) {
}
