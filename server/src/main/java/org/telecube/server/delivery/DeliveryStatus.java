package org.telecube.server.delivery;

/** Where a delivery is; SENT, FAILED and SKIPPED are final. */
public enum DeliveryStatus {
  QUEUED, RENDERING, SENDING, RETRYING, SENT, FAILED, SKIPPED;

  public boolean isFinal() {
    return this == SENT || this == FAILED || this == SKIPPED;
  }
}
