package org.telecube.reports.data;

/**
 * The region a report covers.
 *
 * @param level the region level of {@code key} ({@code region.province}); null for the country
 * @param key the member key; null for the country
 * @param caption the member's caption in the report's language (全国 / Nationwide for the country)
 * @param childLevel the level below ({@code region.city}); null for a city
 * @param childLevelCaption the child level's caption (城市 / City); null for a city
 */
public record Scope(String level, String key, String caption, String childLevel, String childLevelCaption) {
  public boolean isCountry() {
    return level == null;
  }
}
