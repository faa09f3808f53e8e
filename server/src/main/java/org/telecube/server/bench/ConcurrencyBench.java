package org.telecube.server.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.telecube.reports.definition.ReportCatalog;

/**
 * N clients for D seconds against the running server, each sending its next request as soon as
 * the last answered: the questions in turn (fresh, the cache bypassed), every 10th request an
 * export and every 25th a PDF report. A request still running at the end is waited for and
 * counted, so a slow answer is never lost from the figures.
 */
public final class ConcurrencyBench {
  private final List<Question> questions;
  private final String reportMonth;

  /** @param reportMonth the month of the PDF reports in the mix, or null for none */
  public ConcurrencyBench(List<Question> questions, String reportMonth) {
    this.questions = List.copyOf(questions);
    this.reportMonth = reportMonth;
  }

  /** Which request client {@code client} sends as its {@code n}th (0-based). */
  static String kind(int client, int n, boolean reports) {
    if (reports && n % 25 == 24) {
      return "report";
    }
    return n % 10 == 9 ? "export" : "query";
  }

  public ConcurrencyResult run(BenchServer server, int clients, Duration duration) throws InterruptedException {
    CubeApi api = new CubeApi(server.base(), server.token(), Duration.ofMinutes(5));
    List<double[]> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<String, Long> statuses = Collections.synchronizedMap(new TreeMap<>());
    AtomicBoolean sampling = new AtomicBoolean(true);
    double[] peaks = {0, 0};
    boolean hwm = ProcessMemory.resetPeak();
    Thread sampler = new Thread(() -> {
      while (sampling.get()) {
        peaks[0] = Math.max(peaks[0], ProcessMemory.heapUsedMb());
        peaks[1] = Math.max(peaks[1], ProcessMemory.rssMb());
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-memory");
    sampler.setDaemon(true);
    sampler.start();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      running.add(pool.submit(() -> {
        for (int n = 0; System.nanoTime() < deadline; n++) {
          Question q = questions.get((client + n) % questions.size());
          long t = System.nanoTime();
          String outcome;
          String kind = kind(client, n, reportMonth != null);
          try {
            int status = switch (kind) {
              case "report" -> api.report(n % 50 == 49 ? ReportCatalog.MONTHLY_CHURN : ReportCatalog.MONTHLY_REVENUE,
                  reportMonth);
              case "export" -> api.export(q.query());
              default -> api.query(q.query(), CubeApi.Mode.FRESH);
            };
            outcome = status == 200 || status == 503 ? Integer.toString(status) : status / 100 + "xx";
          } catch (IOException e) {
            outcome = "error";
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          latencies.add(new double[] {(System.nanoTime() - t) / 1e6, kind.equals("query") ? 1 : 0});
          statuses.merge(outcome, 1L, Long::sum);
          if (outcome.equals("503")) {
            statuses.merge("503 " + kind, 1L, Long::sum);
          }
        }
      }));
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        statuses.merge("error", 1L, Long::sum);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    sampling.set(false);
    sampler.join();
    double rss = hwm ? ProcessMemory.peakRssMb() : peaks[1];
    double[] all;
    double[] queries;
    synchronized (latencies) {
      all = latencies.stream().mapToDouble(l -> l[0]).toArray();
      queries = latencies.stream().filter(l -> l[1] == 1).mapToDouble(l -> l[0]).toArray();
    }
    return new ConcurrencyResult(clients, seconds, all.length, Samples.of(all), Samples.of(queries),
        new TreeMap<>(statuses), Math.max(rss, peaks[1]), peaks[0]);
  }
}
