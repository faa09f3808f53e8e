package org.telecube.druid.testcluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Resident set size of a process, read from /proc/&lt;pid&gt;/status (VmRSS, in kB). */
final class ProcMemory {

  private ProcMemory() {}

  static long residentBytes(long pid) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"),
          StandardCharsets.ISO_8859_1);
      for (String line : lines) {
        if (line.startsWith("VmRSS:")) {
          String kb = line.substring("VmRSS:".length()).replace("kB", "").strip();
          return Long.parseLong(kb) * 1024L;
        }
      }
      return 0L;
    } catch (IOException | NumberFormatException e) {
      return 0L; // gone, or not Linux
    }
  }
}
