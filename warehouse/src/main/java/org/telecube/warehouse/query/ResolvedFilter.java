package org.telecube.warehouse.query;

import java.util.List;

/** A validated filter: members of a level, or a range of a time level's keys. */
record ResolvedFilter(ResolvedLevel level, List<String> members, String from, String to) {
  boolean isRange() {
    return members.isEmpty();
  }
}
