package org.telecube.reports.data;

import java.util.List;

/**
 * Churn by one subscriber attribute (VIP level, tenure band, ...): a compact table.
 *
 * @param level the cube level, e.g. {@code vip_level.vip_level}
 * @param title the level's caption from the model, in the report's language
 * @param rows one per member, in the members' order
 */
public record ProfileTable(String level, String title, List<ChurnRow> rows) {
  public ProfileTable {
    rows = List.copyOf(rows);
  }
}
