package org.telecube.etl.generate;

import java.time.YearMonth;

/** Told after each month's files are complete, e.g. to drive a progress bar. */
@FunctionalInterface
public interface GenerationListener {
  /** Ignores every call. */
  GenerationListener NONE = (month, index, total) -> { };

  /**
   * @param month the month whose four files were just closed
   * @param index how many months are written so far, 1 .. total
   * @param total the number of months being generated
   */
  void monthWritten(YearMonth month, int index, int total);
}
