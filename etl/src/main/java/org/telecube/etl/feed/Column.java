package org.telecube.etl.feed;

import java.util.Objects;

/**
 * A column of a feed.
 *
 * @param name the header name in the feed file
 * @param required whether a row must carry a value (an empty field is an absent value)
 * @param type validator and converter
 * @param stagedAs the column it lands in, in the stg_* / ref_* table (usually {@code name})
 */
public record Column(String name, boolean required, FieldType type, String stagedAs) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(stagedAs, "stagedAs");
  }

  public static Column required(String name, FieldType type) {
    return new Column(name, true, type, name);
  }

  public static Column optional(String name, FieldType type) {
    return new Column(name, false, type, name);
  }

  /** The same column landing in a differently named table column. */
  public Column stagedAs(String tableColumn) {
    return new Column(name, required, type, tableColumn);
  }
}
