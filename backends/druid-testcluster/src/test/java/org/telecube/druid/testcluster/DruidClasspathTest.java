package org.telecube.druid.testcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness names the command that builds a missing classpath file instead of failing obscurely. */
class DruidClasspathTest {

  @Test
  void aMissingFileNamesTheBuildCommand(@TempDir Path dir) {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DruidClasspath.read(dir.resolve("druid-classpath.txt")));

    assertTrue(e.getMessage().contains(DruidClasspath.BUILD_COMMAND), e.getMessage());
  }

  @Test
  void readsTheClasspathWithoutTheTrailingNewline(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("druid-classpath.txt"), "/a.jar:/b.jar\n");

    assertEquals("/a.jar:/b.jar", DruidClasspath.read(file));
  }
}
