package org.telecube.etl.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Simulates a month in chunks of consecutive subscribers on worker threads while the calling
 * thread encodes and writes finished chunks in subscriber order. Every subscriber-month draws
 * from its own random stream and touches only its own table slots, so the files are identical
 * whatever the thread count. At most a few chunks are in flight, which bounds memory.
 */
final class MonthRunner implements AutoCloseable {
  static final int CHUNK_SUBSCRIBERS = 4096;

  private final ExecutorService pool;
  private final Supplier<MonthSimulator> simulatorFactory;
  /** Simulators not in use; one per running task (not a ThreadLocal, which would outlive the run). */
  private final ConcurrentLinkedQueue<MonthSimulator> idle = new ConcurrentLinkedQueue<>();
  private final BlockingQueue<Chunk> spare;
  private final int window;

  MonthRunner(int threads, Supplier<MonthSimulator> simulatorFactory) {
    this.simulatorFactory = simulatorFactory;
    this.window = Math.max(1, threads) * 2;
    this.spare = new ArrayBlockingQueue<>(window + 1);
    if (threads <= 1) {
      this.pool = null;
    } else {
      AtomicInteger n = new AtomicInteger();
      this.pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "telecube-generate-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
  }

  /** Runs every subscriber in the table through the month; returns the base at the month's end. */
  int run(MonthInfo mo, int subscribers, MonthFiles files) throws IOException {
    int active = 0;
    if (pool == null) {
      Chunk chunk = take();
      for (int lo = 0; lo < subscribers; lo += CHUNK_SUBSCRIBERS) {
        try {
          simulate(chunk, mo, lo, Math.min(subscribers, lo + CHUNK_SUBSCRIBERS));
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
        files.append(chunk);
        active += chunk.activeAtEnd;
      }
      spare.offer(chunk);
      return active;
    }
    Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
    int next = 0;
    try {
      while (next < subscribers || !inFlight.isEmpty()) {
        while (next < subscribers && inFlight.size() < window) {
          int lo = next;
          int hi = Math.min(subscribers, lo + CHUNK_SUBSCRIBERS);
          Chunk chunk = take();
          inFlight.add(pool.submit(() -> simulate(chunk, mo, lo, hi)));
          next = hi;
        }
        Chunk done = await(inFlight.poll());
        files.append(done);
        active += done.activeAtEnd;
        spare.offer(done);
      }
    } finally {
      for (Future<Chunk> f : inFlight) {
        f.cancel(true);
      }
    }
    return active;
  }

  private Chunk simulate(Chunk chunk, MonthInfo mo, int lo, int hi) {
    MonthSimulator simulator = idle.poll();
    if (simulator == null) {
      simulator = simulatorFactory.get();
    }
    try {
      chunk.activeAtEnd = 0;
      for (int s = lo; s < hi; s++) {
        if (simulator.inMonth(s, mo) && simulator.run(s, mo, chunk)) {
          chunk.activeAtEnd++;
        }
      }
      return chunk;
    } finally {
      idle.offer(simulator);
    }
  }

  private Chunk take() {
    Chunk c = spare.poll();
    return c != null ? c : new Chunk();
  }

  private static Chunk await(Future<Chunk> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
