package org.telecube.etl.feed;

/**
 * A whole file cannot be loaded: a required column is missing, it is not UTF-8, not gzip though
 * named so, or not parseable CSV. The message names the file and the cause.
 */
public final class FeedRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String fileName;

  public FeedRefusedException(String fileName, String message, Throwable cause) {
    super(fileName + ": " + message, cause);
    this.fileName = fileName;
  }

  public FeedRefusedException(String fileName, String message) {
    this(fileName, message, null);
  }

  public String fileName() {
    return fileName;
  }
}
