package org.telecube.etl.generate;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Test-side reader of generated feed files. Deliberately independent of the generator's code:
 * it knows the feed contract (file names, headers) from the specification, not from {@code Feed}.
 */
final class GeneratedFeeds {
  static final List<String> SUBSCRIBERS = List.of("as_of", "subscriber_id", "customer_id", "msisdn",
      "customer_type", "gender", "birth_year", "city_code", "org_code", "channel", "plan_code",
      "network_type", "payment_type", "vip_level", "contract_type", "contract_end", "join_date",
      "status", "status_date", "churn_reason", "deposit");
  static final List<String> BILLING = List.of("bill_month", "subscriber_id", "plan_code",
      "charge_item", "amount", "paid_amount", "due_date", "paid_date");
  static final List<String> USAGE = List.of("usage_date", "subscriber_id", "service", "call_type",
      "peer_network", "events", "duration_sec", "volume_kb");
  static final List<String> SERVICE_EVENTS = List.of("event_time", "subscriber_id", "event_type",
      "severity", "channel", "duration_sec");
  static final Map<String, List<String>> HEADERS = headers();

  /** One parsed file: its header and its rows as column-name maps. */
  record Table(List<String> header, List<Map<String, String>> rows) {
  }

  private final Path dir;
  private final boolean gzip;
  private final Map<String, Table> cache = new HashMap<>();

  GeneratedFeeds(Path dir, boolean gzip) {
    this.dir = dir;
    this.gzip = gzip;
  }

  static Path file(Path dir, String feed, YearMonth month, boolean gzip) {
    return dir.resolve(feed + "_" + month + (gzip ? ".csv.gz" : ".csv"));
  }

  Table read(String feed, YearMonth month) {
    return cache.computeIfAbsent(feed + month, k -> parse(file(dir, feed, month, gzip), gzip));
  }

  List<Map<String, String>> rows(String feed, YearMonth month) {
    return read(feed, month).rows();
  }

  /** Subscriber snapshot rows by subscriber_id. */
  Map<String, Map<String, String>> snapshot(YearMonth month) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Map<String, String> r : rows("subscribers", month)) {
      out.put(r.get("subscriber_id"), r);
    }
    return out;
  }

  /** Bill lines by subscriber_id. */
  Map<String, List<Map<String, String>>> bills(YearMonth month) {
    return group(rows("billing", month));
  }

  Map<String, List<Map<String, String>>> events(YearMonth month) {
    return group(rows("service_events", month));
  }

  static BigDecimal total(List<Map<String, String>> lines) {
    BigDecimal sum = BigDecimal.ZERO;
    if (lines != null) {
      for (Map<String, String> l : lines) {
        sum = sum.add(new BigDecimal(l.get("amount")));
      }
    }
    return sum;
  }

  private static Map<String, List<Map<String, String>>> group(List<Map<String, String>> rows) {
    Map<String, List<Map<String, String>>> out = new HashMap<>();
    for (Map<String, String> r : rows) {
      out.computeIfAbsent(r.get("subscriber_id"), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  static Table parse(Path file, boolean gzip) {
    try (InputStream raw = Files.newInputStream(file);
         InputStream in = gzip ? new GZIPInputStream(raw) : raw;
         Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
         CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
      List<String> header = null;
      List<Map<String, String>> rows = new ArrayList<>();
      for (CsvRecord rec : csv) {
        if (header == null) {
          header = rec.getFields();
          continue;
        }
        if (rec.getFieldCount() != header.size()) {
          throw new AssertionError(file.getFileName() + " line " + rec.getStartingLineNumber()
              + " has " + rec.getFieldCount() + " fields, expected " + header.size());
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), rec.getField(i));
        }
        rows.add(row);
      }
      return new Table(header == null ? List.of() : header, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, List<String>> headers() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("subscribers", SUBSCRIBERS);
    m.put("billing", BILLING);
    m.put("usage", USAGE);
    m.put("service_events", SERVICE_EVENTS);
    return m;
  }
}
