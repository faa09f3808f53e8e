package org.telecube.etl.generate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run wrote.
 *
 * @param files every file written, month by month, in feed order (subscribers, billing, usage,
 *     service_events)
 * @param rowsPerFeed data rows (headers not counted) per feed name: {@code subscribers},
 *     {@code billing}, {@code usage}, {@code service_events}, in that order
 * @param elapsed wall time of the run
 */
public record GenerationSummary(List<Path> files, Map<String, Long> rowsPerFeed, Duration elapsed) {
  public GenerationSummary {
    files = List.copyOf(files);
    rowsPerFeed = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerFeed)); // keeps feed order
  }

  /** Data rows over all feeds. */
  public long totalRows() {
    return rowsPerFeed.values().stream().mapToLong(Long::longValue).sum();
  }
}
