package org.telecube.warehouse.query;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reviewed expected files beside the tests: a mismatch writes {@code <name>.actual.<ext>} next to
 * {@code <name>.<ext>} and fails, so the change shows in review once the file is renamed over.
 */
final class GoldenFiles {
  private GoldenFiles() {
  }

  /** @param what what the file holds, for the message ("SQL", "routing") */
  static void check(Path directory, String name, String extension, String what, String actual) throws IOException {
    Path expected = directory.resolve(name + "." + extension);
    Path actualFile = directory.resolve(name + ".actual." + extension);
    String want = Files.exists(expected) ? Files.readString(expected, StandardCharsets.UTF_8) : null;
    if (actual.equals(want)) {
      Files.deleteIfExists(actualFile);
      return;
    }
    Files.createDirectories(directory);
    Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
    fail((want == null ? "no reviewed " + what + " for " : "the " + what + " of " + name + " changed from ")
        + expected.toAbsolutePath() + "; the planner's is in " + actualFile.toAbsolutePath()
        + ": review it and rename it to " + expected.getFileName());
  }
}
