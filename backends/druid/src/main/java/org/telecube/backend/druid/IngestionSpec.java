package org.telecube.backend.druid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code index_parallel} task spec for one table: typed dimensions (no schema discovery, which
 * would read month keys as strings and money as doubles), no rollup (a fact row stays a row),
 * month segments for facts, and an interval-bounded overwrite that drops what the intervals held
 * before, so that a republished month replaces the old one and a month now empty becomes empty.
 */
final class IngestionSpec {
  static final ObjectMapper JSON = new ObjectMapper();

  private IngestionSpec() {
  }

  /** The task that replaces {@code ingestion}'s intervals with the rows {@code inputSource} reads. */
  static ObjectNode task(DruidPublisher.Ingestion ingestion, ObjectNode inputSource) {
    ObjectNode task = JSON.createObjectNode();
    task.put("type", "index_parallel");
    ObjectNode spec = task.putObject("spec");
    ObjectNode dataSchema = spec.putObject("dataSchema");
    dataSchema.put("dataSource", ingestion.table());
    dataSchema.putObject("timestampSpec").put("column", "__time").put("format", "millis");
    ArrayNode dimensions = dataSchema.putObject("dimensionsSpec").putArray("dimensions");
    for (DruidStar.Column c : ingestion.columns()) {
      dimensions.addObject().put("type", DruidColumns.ingestionType(c.stored())).put("name", c.name());
    }
    dataSchema.putArray("metricsSpec");
    ObjectNode granularity = dataSchema.putObject("granularitySpec");
    granularity.put("segmentGranularity", ingestion.monthly() ? "MONTH" : "YEAR");
    granularity.put("queryGranularity", "NONE");
    granularity.put("rollup", false);
    ArrayNode intervals = granularity.putArray("intervals");
    ingestion.intervals().forEach(intervals::add);
    ObjectNode io = spec.putObject("ioConfig");
    io.put("type", "index_parallel");
    io.set("inputSource", inputSource);
    io.putObject("inputFormat").put("type", "json");
    io.put("appendToExisting", false);
    io.put("dropExisting", true);
    tuning(spec);
    return task;
  }

  /** Appends one row to the publication ledger. */
  static String ledger(String datasource, String jsonRow) {
    ObjectNode task = JSON.createObjectNode();
    task.put("type", "index_parallel");
    ObjectNode spec = task.putObject("spec");
    ObjectNode dataSchema = spec.putObject("dataSchema");
    dataSchema.put("dataSource", datasource);
    dataSchema.putObject("timestampSpec").put("column", "__time").put("format", "millis");
    ArrayNode dimensions = dataSchema.putObject("dimensionsSpec").putArray("dimensions");
    dimensions.addObject().put("type", "long").put("name", "batch_id");
    dimensions.addObject().put("type", "string").put("name", "work_area");
    dataSchema.putArray("metricsSpec");
    dataSchema.putObject("granularitySpec").put("segmentGranularity", "YEAR").put("queryGranularity", "NONE")
        .put("rollup", false);
    ObjectNode io = spec.putObject("ioConfig");
    io.put("type", "index_parallel");
    io.putObject("inputSource").put("type", "inline").put("data", jsonRow);
    io.putObject("inputFormat").put("type", "json");
    io.put("appendToExisting", true);
    tuning(spec);
    return task.toString();
  }

  private static void tuning(ObjectNode spec) {
    ObjectNode tuning = spec.putObject("tuningConfig");
    tuning.put("type", "index_parallel");
    // a bad row fails the load rather than disappearing from the totals
    tuning.put("maxParseExceptions", 0);
    tuning.put("maxNumConcurrentSubTasks", 1);
    tuning.putObject("partitionsSpec").put("type", "dynamic");
  }
}
