package org.telecube.server.load;

import jakarta.servlet.ServletRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.async.DeferredResult;
import org.telecube.server.system.ApiException;
import org.telecube.warehouse.query.Cancellation;

/**
 * A request's work run on a {@link WorkPool} while the servlet thread is released: the answer
 * comes back through a {@link DeferredResult}, and whatever ends the request early — its timeout,
 * the client closing the connection (the container's async error) — cancels the work's
 * {@link Cancellation}, which cancels the running SQL statement, and drops it if it still waits.
 */
public final class AsyncWork {
  private static final Logger LOG = LoggerFactory.getLogger(AsyncWork.class);
  /** How often a waiting request's connection is looked at. */
  private static final long WATCH_MILLIS = 500;
  private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "telecube-client-watch");
    t.setDaemon(true);
    return t;
  });

  private AsyncWork() {
  }

  /**
   * Runs {@code work} on {@code pool}; a full pool is refused at once ({@code ServerBusyException}).
   *
   * @param timeoutCode the error code answered (504) when the pool's timeout passes first
   * @param finished runs once the request is over, however it ended
   */
  public static <T> DeferredResult<T> run(WorkPool pool, Cancellation cancellation, String timeoutCode,
                                          Runnable finished, Supplier<T> work) {
    return run(pool, cancellation, timeoutCode, finished, null, work);
  }

  /**
   * As above, also watching {@code request}'s connection while the work runs: a client that closed
   * it has its work cancelled.
   */
  public static <T> DeferredResult<T> run(WorkPool pool, Cancellation cancellation, String timeoutCode,
                                          Runnable finished, ServletRequest request, Supplier<T> work) {
    CompletableFuture<T> future;
    try {
      future = pool.submit(work);
    } catch (RuntimeException e) {
      finished.run();
      throw e;
    }
    long seconds = Math.max(1, pool.timeout().toSeconds());
    DeferredResult<T> result = new DeferredResult<>(pool.timeout().toMillis());
    // the answer (however it ends) and the watch's look at the socket take turns: never a read once
    // the request is being answered
    Object turn = new Object();
    result.onTimeout(() -> {
      synchronized (turn) {
        // the answer first: stopping completes the future, whose own outcome must not win
        result.setErrorResult(new ApiException(HttpStatus.GATEWAY_TIMEOUT, null, timeoutCode,
            "stopped after " + seconds + " s", seconds));
        stop(cancellation, future);
      }
    });
    // the client went away and the container said so: nobody will read the answer
    result.onError(e -> {
      synchronized (turn) {
        stop(cancellation, future);
      }
    });
    ScheduledFuture<?> watch = request == null ? null : watch(ClientConnection.closed(request), turn, result,
        cancellation, future);
    result.onCompletion(() -> {
      if (watch != null) {
        watch.cancel(false);
      }
      finished.run();
    });
    future.whenComplete((value, error) -> {
      synchronized (turn) {
        if (watch != null) {
          watch.cancel(false);
        }
        if (error == null) {
          result.setResult(value);
        } else if (!(error instanceof CancellationException)) {
          result.setErrorResult(error instanceof CompletionException && error.getCause() != null
              ? error.getCause() : error);
        }
      }
    });
    return result;
  }

  private static ScheduledFuture<?> watch(BooleanSupplier closed, Object turn, DeferredResult<?> result,
                                          Cancellation cancellation, CompletableFuture<?> future) {
    return WATCH.scheduleWithFixedDelay(() -> {
      // (a check that throws ends the watch: a scheduled task that fails is not run again)
      synchronized (turn) {
        if (!result.isSetOrExpired() && !future.isDone() && closed.getAsBoolean()) {
          LOG.info("the client closed its connection: its work is cancelled");
          stop(cancellation, future);
        }
      }
    }, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
  }

  private static void stop(Cancellation cancellation, CompletableFuture<?> future) {
    cancellation.cancel();
    future.cancel(false);
  }
}
