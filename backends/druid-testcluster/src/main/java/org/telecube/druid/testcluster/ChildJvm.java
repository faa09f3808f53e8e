package org.telecube.druid.testcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One service of the cluster in its own JVM, stdout and stderr going to its log file. */
final class ChildJvm {

  private final String name;
  private final Process process;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ChildJvm start(String name, List<String> command, Path workDir, Path log) {
    try {
      Files.createDirectories(log.getParent());
      Process process = new ProcessBuilder(command)
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
          .start();
      return new ChildJvm(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the Druid test cluster's " + name + ": " + command.get(0), e);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
        ? "NUL" : "/dev/null");
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  /** Asks the JVM to stop (SIGTERM); {@link #awaitOrKill} finishes the job. */
  void destroy() {
    process.destroy();
  }

  /** Waits up to the deadline for a graceful exit, then kills; tests need no graceful shutdown. */
  void awaitOrKill(long deadlineNanos) {
    try {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0 || !process.waitFor(left, TimeUnit.NANOSECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Resident memory from /proc (Linux), 0 where there is none. */
  long residentBytes() {
    return ProcMemory.residentBytes(process.pid());
  }

  /** The last lines of the log, for an exception message. */
  String tail(int lines) {
    return tail(log, lines);
  }

  static String tail(Path log, int lines) {
    if (!Files.isRegularFile(log)) {
      return "(no log at " + log + ")";
    }
    Deque<String> last = new ArrayDeque<>(lines);
    try (Stream<String> all = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      all.forEach(line -> {
        if (last.size() == lines) {
          last.removeFirst();
        }
        last.addLast(line);
      });
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
    return String.join(System.lineSeparator(), last);
  }
}
