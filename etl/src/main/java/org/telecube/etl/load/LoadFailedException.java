package org.telecube.etl.load;

/** The batch failed while loading (a database error); it was rolled back, the warehouse is unchanged. */
public final class LoadFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LoadFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
