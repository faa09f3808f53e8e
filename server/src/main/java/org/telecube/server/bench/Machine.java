package org.telecube.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine a bench ran on, for the report's header: cores, memory, Java and the JVM's heap limit. */
public record Machine(int cores, double ramGib, String java, double maxHeapGib) {
  public static Machine current() {
    return new Machine(Runtime.getRuntime().availableProcessors(), memTotalGib(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024));
  }

  private static double memTotalGib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Double.parseDouble(line.replaceAll("[^0-9]", "")) / (1024.0 * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return Double.NaN;
  }

  public String describe() {
    return String.format(Locale.ROOT, "%d cores, %.1f GiB RAM, Java %s, max heap %.1f GiB", cores, ramGib, java,
        maxHeapGib);
  }
}
