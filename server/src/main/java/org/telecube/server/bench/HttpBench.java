package org.telecube.server.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.telecube.warehouse.query.CubeQuery;

/** Times each question POSTed to the running server's cube API. */
public final class HttpBench {
  private final int warmups;
  private final int runs;

  public HttpBench(int warmups, int runs) {
    this.warmups = warmups;
    this.runs = runs;
  }

  public List<HttpTimes> time(BenchServer server, List<Question> questions) {
    CubeApi api = new CubeApi(server.base(), server.token(), Duration.ofMinutes(5));
    List<HttpTimes> out = new ArrayList<>();
    for (Question q : questions) {
      Samples with = QuestionBench.attempt(q, "HTTP", () -> Samples.time(warmups, runs, () -> ok(api, q.query(),
          CubeApi.Mode.FRESH)));
      Samples without = QuestionBench.attempt(q, "HTTP without aggregates", () -> Samples.time(warmups, runs,
          () -> ok(api, q.query(), CubeApi.Mode.FRESH_BASE)));
      // the first cacheable request fills the cache; the second is the analyst's repeat
      Samples cached = QuestionBench.attempt(q, "HTTP cached", () -> Samples.time(1, 1, () -> ok(api, q.query(),
          CubeApi.Mode.CACHED)));
      out.add(new HttpTimes(with, without, cached.p50()));
      System.out.printf(java.util.Locale.ROOT, "http       %-50s p50 %8s ms (without aggregates %8s ms, cached %8s ms)%n",
          q.name(), BenchReport.ms(with.p50()), BenchReport.ms(without.p50()), BenchReport.ms(cached.p50()));
    }
    return out;
  }

  private static void ok(CubeApi api, CubeQuery query, CubeApi.Mode mode) throws Exception {
    int status = api.query(query, mode);
    if (status != 200) {
      throw new IllegalStateException("HTTP " + status);
    }
  }
}
