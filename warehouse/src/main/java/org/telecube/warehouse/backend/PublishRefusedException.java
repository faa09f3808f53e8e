package org.telecube.warehouse.backend;

/** A publication the backend refused before changing anything (another load holds it). */
public final class PublishRefusedException extends RuntimeException {
  public PublishRefusedException(String message) {
    super(message);
  }
}
