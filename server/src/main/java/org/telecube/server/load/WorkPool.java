package org.telecube.server.load;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.telecube.server.system.ServerBusyException;

/**
 * A fixed number of threads doing one kind of work (cube queries, report rendering) with a
 * bounded queue in front: what runs at once — and so the connections, CPU and memory it takes —
 * is bounded, and work beyond the queue is refused at once ({@link ServerBusyException}, a 503
 * with Retry-After) instead of piling up until every client times out.
 *
 * @param timeout how long a request may take, queueing included, before its work is stopped
 */
public final class WorkPool implements AutoCloseable {
  private final String name;
  private final int threads;
  private final int queue;
  private final Duration timeout;
  private final long retryAfterSeconds;
  private final ThreadPoolExecutor executor;

  public WorkPool(String name, int threads, int queue, Duration timeout, long retryAfterSeconds) {
    if (threads < 1 || queue < 0) {
      throw new IllegalArgumentException(name + ": threads must be at least 1 and the queue at least 0, not "
          + threads + " and " + queue);
    }
    this.name = name;
    this.threads = threads;
    this.queue = queue;
    this.timeout = timeout;
    this.retryAfterSeconds = retryAfterSeconds;
    BlockingQueue<Runnable> waiting = queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, waiting, r -> {
      Thread t = new Thread(r, "telecube-" + name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
  }

  /** Runs {@code work} on this pool; refused at once with a 503 when every thread and queue place is taken. */
  public <T> CompletableFuture<T> submit(Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      executor.execute(() -> {
        if (result.isDone()) {
          return; // given up while it waited (timed out, client gone)
        }
        try {
          result.complete(work.get());
        } catch (Throwable e) {
          result.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      throw new ServerBusyException(name + "_busy", retryAfterSeconds, "the " + name + " queue is full ("
          + threads + " running, " + queue + " waiting)", threads, queue, retryAfterSeconds);
    }
    return result;
  }

  public String name() {
    return name;
  }

  public int threads() {
    return threads;
  }

  public int queue() {
    return queue;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Work running or waiting now. */
  public int busy() {
    return executor.getActiveCount() + executor.getQueue().size();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
