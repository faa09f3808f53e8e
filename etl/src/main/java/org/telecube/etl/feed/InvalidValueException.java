package org.telecube.etl.feed;

/**
 * A field value that breaks the contract. Thrown per bad field, so it carries no stack trace
 * (a file full of bad rows must not cost a stack walk per field).
 */
public final class InvalidValueException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidValueException(String reason) {
    super(reason, null, false, false);
  }

  public String reason() {
    return getMessage();
  }
}
