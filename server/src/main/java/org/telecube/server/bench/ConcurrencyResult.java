package org.telecube.server.bench;

import java.util.Map;

/**
 * What {@code clients} concurrent clients met in {@code seconds}.
 *
 * @param latency every request's
 * @param queryLatency the cube queries' alone (not exports or reports)
 * @param statuses requests per outcome: {@code 200}, {@code 503}, {@code 5xx} (other server
 *     errors), {@code 4xx}, {@code error} (no answer: timeout or connection failure); the 503s
 *     again per kind of request ({@code 503 query}, {@code 503 export}, {@code 503 report})
 * @param peakRssMb the server process's peak resident memory during the run (MB)
 * @param peakHeapMb the most heap in use seen during the run (MB, sampled)
 */
public record ConcurrencyResult(int clients, double seconds, long requests, Samples latency, Samples queryLatency,
                                Map<String, Long> statuses, double peakRssMb, double peakHeapMb) {
  public ConcurrencyResult {
    statuses = Map.copyOf(statuses);
  }

  public double throughput() {
    return seconds <= 0 ? 0 : requests / seconds;
  }

  public long count(String status) {
    return statuses.getOrDefault(status, 0L);
  }
}
