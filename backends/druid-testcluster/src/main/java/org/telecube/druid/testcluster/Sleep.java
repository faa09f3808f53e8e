package org.telecube.druid.testcluster;

/** Polling pauses that keep the interrupt flag. */
final class Sleep {

  private Sleep() {}

  static void millis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the Druid test cluster", e);
    }
  }
}
