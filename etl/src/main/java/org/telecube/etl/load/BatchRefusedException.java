package org.telecube.etl.load;

import java.util.List;

/**
 * The batch was not loaded because some of its files cannot be loaded as a whole (unknown feed,
 * missing required column, unreadable, not UTF-8, broken gzip or CSV). Nothing of the batch was
 * loaded; the warehouse is unchanged. The message lists every problem, each naming its file.
 */
public final class BatchRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public BatchRefusedException(List<String> problems, Throwable cause) {
    super("batch refused, nothing loaded:\n  " + String.join("\n  ", problems), cause);
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
