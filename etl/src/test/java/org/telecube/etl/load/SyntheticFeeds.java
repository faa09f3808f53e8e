package org.telecube.etl.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Plain-Java synthetic feeds of a chosen size, deterministic: {@code n} subscribers with one
 * snapshot, then billing and usage lines for them. For the crash test and throughput runs.
 */
final class SyntheticFeeds {
  private static final String[] CITIES = {"440100", "440300", "110100", "310100", "510100", "330100"};
  private static final String[] PLANS = {"M5G59", "M5G99", "M4G58", "M4G88", "BB300", "FX15"};
  private static final String[] NETWORKS = {"5g", "5g", "4g", "4g", "ftth", "pstn"};
  private static final String[] ITEMS = {"monthly_fee", "voice", "sms", "data", "vas", "roaming", "discount", "other"};

  private SyntheticFeeds() {
  }

  static String subscriberId(int i) {
    return String.format(Locale.ROOT, "S%08d", i);
  }

  /** One snapshot of {@code n} subscribers as of {@code asOf}. */
  static Path subscribers(Path dir, String name, int n, LocalDate asOf) {
    return write(dir, name, out -> {
      out.write(FeedFixtures.SUBSCRIBER_HEADER);
      out.write('\n');
      for (int i = 0; i < n; i++) {
        int p = i % PLANS.length;
        String city = CITIES[i % CITIES.length];
        LocalDate join = LocalDate.of(2015 + i % 10, 1 + i % 12, 1 + i % 28);
        boolean churned = i % 50 == 0;
        out.write(asOf + "," + subscriberId(i) + ",C" + i + ",138" + String.format(Locale.ROOT, "%08d", i)
            + "," + (i % 7 == 0 ? "group" : "individual") + "," + (i % 2 == 0 ? "m" : "f") + "," + (1950 + i % 55)
            + "," + city + ",C" + city + ",store," + PLANS[p] + "," + NETWORKS[p] + ",postpaid,none,none,,"
            + join + "," + (churned ? "churned," + asOf.minusDays(3) + ",competitor" : "active," + join + ",")
            + ",50.00\n");
      }
    });
  }

  /** {@code rows} bill lines for {@code month} (YYYY-MM), spread over {@code n} subscribers. */
  static Path billing(Path dir, String name, int n, String month, int rows) {
    return write(dir, name, out -> {
      out.write(FeedFixtures.BILLING_HEADER);
      out.write('\n');
      for (int r = 0; r < rows; r++) {
        int i = r % n;
        int item = (r / n) % ITEMS.length;
        long fen = ITEMS[item].equals("discount") ? -(r % 1000) : r % 20000;
        String amount = (fen < 0 ? "-" : "") + Math.abs(fen) / 100 + "." + String.format(Locale.ROOT, "%02d", Math.abs(fen) % 100);
        out.write(month + "," + subscriberId(i) + "," + PLANS[i % PLANS.length] + "," + ITEMS[item] + ","
            + amount + "," + (fen < 0 ? "0.00" : amount) + "," + month + "-20," + month + "-18\n");
      }
    });
  }

  /** {@code rows} usage lines in {@code month} (YYYY-MM), spread over {@code n} subscribers. */
  static Path usage(Path dir, String name, int n, String month, int rows) {
    String[][] kinds = {{"voice", "local", "own"}, {"voice", "long_distance", "other"}, {"sms", "none", "own"},
        {"data", "none", "none"}};
    return write(dir, name, out -> {
      out.write(FeedFixtures.USAGE_HEADER);
      out.write('\n');
      int perDay = n * kinds.length;
      for (int r = 0; r < rows; r++) {
        int i = r % n;
        int k = (r / n) % kinds.length;
        int day = 1 + (r / perDay) % 28;
        out.write(month + "-" + (day < 10 ? "0" : "") + day + "," + subscriberId(i) + "," + kinds[k][0] + ","
            + kinds[k][1] + "," + kinds[k][2] + "," + (r % 17) + "," + (k < 2 ? r % 600 : 0) + ","
            + (k == 3 ? r % 100000 : 0) + "\n");
      }
    });
  }

  interface Body {
    void write(Writer out) throws IOException;
  }

  static Path write(Path dir, String name, Body body) {
    Path file = dir.resolve(name);
    try {
      Files.createDirectories(dir);
      try (OutputStream raw = Files.newOutputStream(file);
           OutputStream os = name.endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
           Writer out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
        body.write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** A set: subscribers, then billing and usage for 2025-01. */
  static List<Path> set(Path dir, int subscribers, int billingRows, int usageRows, boolean gzip) {
    String gz = gzip ? ".gz" : "";
    List<Path> files = new ArrayList<>();
    files.add(subscribers(dir, "subscribers_2025-01-31.csv" + gz, subscribers, LocalDate.of(2025, 1, 31)));
    files.add(billing(dir, "billing_2025-01.csv" + gz, subscribers, "2025-01", billingRows));
    files.add(usage(dir, "usage_2025-01.csv" + gz, subscribers, "2025-01", usageRows));
    return files;
  }
}
