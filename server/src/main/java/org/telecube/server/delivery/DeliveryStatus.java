package org.telecube.server.delivery;

/**
 * Where a delivery is; SENT, FAILED, SKIPPED and CANCELLED are final. CANCELLED: it was queued or
 * waiting to retry when its schedule was deleted or disabled.
 */
public enum DeliveryStatus {
  QUEUED, RENDERING, SENDING, RETRYING, SENT, FAILED, SKIPPED, CANCELLED;

  public boolean isFinal() {
    return this == SENT || this == FAILED || this == SKIPPED || this == CANCELLED;
  }
}
