package org.telecube.etl.feed;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be read, in words that name neither a path nor a Java type: a refusal's
 * text reaches HTTP clients, who must not learn where the server keeps its files.
 */
public final class IoReasons {
  private IoReasons() {
  }

  /** The reason of {@code e}; a file system exception's message would start with the full path. */
  public static String of(Throwable e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileSystemException f) {
      return f.getReason() != null ? f.getReason() : "file system error";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? "input/output error" : message;
  }
}
