package org.telecube.druid.testcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Druid JVMs' classpath, written at build time by maven-dependency-plugin's build-classpath goal. */
final class DruidClasspath {

  static final String PROPERTY = "telecube.druid.classpathFile";
  static final String BUILD_COMMAND =
      "./mvnw -o -B -q -pl backends/druid-testcluster -am package -DskipTests";

  private DruidClasspath() {}

  /** The file named by -Dtelecube.druid.classpathFile, else target/druid-classpath.txt in the working directory. */
  static Path file() {
    String configured = System.getProperty(PROPERTY);
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of("target", "druid-classpath.txt");
  }

  static String read() {
    return read(file());
  }

  static String read(Path classpathFile) {
    Path file = classpathFile.toAbsolutePath();
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("The Druid classpath file " + file + " is missing; build it from the"
          + " repository root with: " + BUILD_COMMAND);
    }
    try {
      String classpath = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (classpath.isEmpty()) {
        throw new IllegalStateException("The Druid classpath file " + file + " is empty; rebuild it with: "
            + BUILD_COMMAND);
      }
      return classpath;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Druid classpath file " + file, e);
    }
  }
}
