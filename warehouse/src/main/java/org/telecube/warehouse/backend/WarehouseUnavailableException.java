package org.telecube.warehouse.backend;

/** The warehouse cannot be opened: held by another process, missing, or unreadable. */
public final class WarehouseUnavailableException extends RuntimeException {
  public WarehouseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
