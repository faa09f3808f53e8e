package org.telecube.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This JVM's memory as the bench reports it: resident set from {@code /proc/self/status} (Linux;
 * NaN elsewhere) and heap in use from the JVM.
 */
final class ProcessMemory {
  private static final Path STATUS = Path.of("/proc/self/status");

  private ProcessMemory() {
  }

  /** Resets the kernel's peak-RSS mark (VmHWM), so a later {@link #peakRssMb()} covers what follows. */
  static boolean resetPeak() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  static double peakRssMb() {
    return statusKb("VmHWM:") / 1024.0;
  }

  static double rssMb() {
    return statusKb("VmRSS:") / 1024.0;
  }

  static double heapUsedMb() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  private static double statusKb(String field) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(field)) {
          return Double.parseDouble(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: no figure
    }
    return Double.NaN;
  }
}
