package org.telecube.warehouse.query;

import java.util.List;

/**
 * Members of a level for drill-down.
 *
 * @param parentLevel the level above (null at the top)
 * @param childLevel the level to drill into (null at the bottom)
 */
public record MemberList(String cube, String level, String caption, String parentLevel,
                         String childLevel, List<MemberRef> members) {
  public MemberList {
    members = List.copyOf(members);
  }
}
