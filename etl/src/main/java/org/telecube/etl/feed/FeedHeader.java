package org.telecube.etl.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A feed file's header matched against its kind's columns.
 *
 * @param kind the feed
 * @param fieldCount fields in the header (every row must have as many)
 * @param positions for each of {@code kind.columns()}, its field index in the file, -1 when absent
 * @param missingRequired required columns the header lacks (the file is refused when any)
 * @param ignored header fields that are not columns of the feed (ignored by contract)
 */
public record FeedHeader(FeedKind kind, int fieldCount, int[] positions, List<String> missingRequired,
                         List<String> ignored) {

  public static FeedHeader match(FeedKind kind, List<String> fields) {
    Map<String, Integer> byName = new HashMap<>();
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).strip().toLowerCase(Locale.ROOT);
      if (byName.putIfAbsent(name, i) != null || !isColumn(kind, name)) {
        ignored.add(fields.get(i));
      }
    }
    int[] positions = new int[kind.columns().size()];
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < positions.length; c++) {
      Column column = kind.columns().get(c);
      Integer at = byName.get(column.name());
      positions[c] = at == null ? -1 : at;
      if (at == null && column.required()) {
        missing.add(column.name());
      }
    }
    return new FeedHeader(kind, fields.size(), positions, List.copyOf(missing), List.copyOf(ignored));
  }

  private static boolean isColumn(FeedKind kind, String name) {
    return kind.columns().stream().anyMatch(c -> c.name().equals(name));
  }
}
