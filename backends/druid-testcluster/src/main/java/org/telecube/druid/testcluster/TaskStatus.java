package org.telecube.druid.testcluster;

/**
 * The state of a Druid ingestion task as the overlord reports it.
 *
 * @param id       the task id
 * @param state    RUNNING, PENDING, WAITING, SUCCESS or FAILED (Druid's statusCode)
 * @param errorMsg Druid's reason when the task failed, else null
 */
public record TaskStatus(String id, String state, String errorMsg) {

  public boolean isComplete() {
    return isSuccess() || isFailure();
  }

  public boolean isSuccess() {
    return "SUCCESS".equals(state);
  }

  public boolean isFailure() {
    return "FAILED".equals(state);
  }

  /** The first line of Druid's errorMsg (the rest is often a stack trace), or null when there is none. */
  public String reason() {
    if (errorMsg == null) {
      return null;
    }
    String firstLine = errorMsg.strip().lines().findFirst().orElse("");
    return firstLine.isEmpty() ? errorMsg : firstLine;
  }
}
