package org.telecube.server.metadata;

import java.nio.file.Path;

/**
 * The data directory's H2 metadata store answered from another directory's file: its lock file
 * named a running TeleCube's store (a data directory copied with the lock file in it), so this
 * process would silently share that one's schedules and deliveries.
 */
public final class MetadataStoreElsewhereException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final transient Path expected;
  private final String actual;

  public MetadataStoreElsewhereException(Path expected, String actual) {
    super("the metadata store " + expected + " is answered by another process's store, " + actual
        + ": this data directory looks like a copy of a running one's; stop that server, or delete "
        + lockFile(expected) + " in the copy");
    this.expected = expected;
    this.actual = actual;
  }

  /** The store this data directory holds (without H2's {@code .mv.db}). */
  public Path expected() {
    return expected;
  }

  /** H2's lock file of this data directory's store: deleting it in a copy unties the copy. */
  public Path lockFile() {
    return lockFile(expected);
  }

  private static Path lockFile(Path store) {
    return store.resolveSibling(store.getFileName() + ".lock.db");
  }

  /** The store that answered instead. */
  public String actual() {
    return actual;
  }
}
