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
}
