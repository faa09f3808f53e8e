package org.telecube.etl.feed;

/** What validation needs from outside the file: known codes and the current year. */
public interface ValidationContext {
  boolean contains(CodeSet set, String code);

  /** The current year in the operator's time zone (upper bound of birth_year). */
  int currentYear();
}
