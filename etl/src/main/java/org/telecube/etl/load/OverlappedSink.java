package org.telecube.etl.load;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.telecube.etl.feed.Reject;
import org.telecube.etl.feed.RowSink;

/**
 * Passes what the feed reader makes of each row to another sink on a second thread, in order,
 * in batches. Parsing and validating the next rows then overlaps DuckDB's append of the last
 * ones: on a 1,000,000-subscriber billing file the appender alone takes about as long as the
 * reading and validating, and the two ran one after the other.
 *
 * <p>The second thread is the only one to touch the target (and so the connection its
 * appenders belong to) until {@link #run} returns; the reading thread must not use that
 * connection meanwhile.
 */
final class OverlappedSink implements RowSink {
  private static final int BATCH_ROWS = 4_096;
  private static final int BATCHES_IN_FLIGHT = 8;
  private static final Batch END = new Batch();

  private final RowSink target;
  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
  private final Thread consumer;
  private volatile Throwable failure;
  private Batch batch = new Batch();

  private OverlappedSink(RowSink target, String name) {
    this.target = target;
    this.consumer = new Thread(this::consume, "telecube-append " + name);
    this.consumer.setDaemon(true);
  }

  /**
   * Runs {@code reading} on this thread with a sink that hands its rows to {@code target} on a
   * second one; returns when both are done. A failure on either side is thrown here, the
   * target's as it was thrown (an {@link UncheckedSqlException} stays one).
   */
  static <T> T run(RowSink target, String name, Function<RowSink, T> reading) {
    OverlappedSink sink = new OverlappedSink(target, name);
    sink.consumer.start();
    T result;
    try {
      result = reading.apply(sink);
    } catch (RuntimeException | Error e) {
      try {
        sink.finish();
      } catch (RuntimeException | Error f) {
        e.addSuppressed(f);
      }
      if (sink.failure != null && sink.failure != e) {
        // the appender failed first: appending one row at a time, the load would have stopped there
        RuntimeException first = rethrown(sink.failure);
        first.addSuppressed(e);
        throw first;
      }
      throw e;
    }
    sink.finish();
    if (sink.failure != null) {
      throw rethrown(sink.failure);
    }
    return result;
  }

  @Override
  public void accepted(long line, Object[] values) {
    // the reader reuses its array for the next row
    batch.add(line, Arrays.copyOf(values, values.length));
    if (batch.size == BATCH_ROWS) {
      hand(batch);
      batch = new Batch();
    }
  }

  @Override
  public void rejected(Reject reject) {
    batch.add(0, reject);
    if (batch.size == BATCH_ROWS) {
      hand(batch);
      batch = new Batch();
    }
  }

  private void hand(Batch b) {
    if (failure != null) {
      throw rethrown(failure);
    }
    put(b);
  }

  /**
   * Hands on the last batch, ends the consumer after it and waits for it to finish, whatever
   * interrupts: the connection must be the caller's alone again when this returns.
   */
  private void finish() {
    boolean interrupted = Thread.interrupted();
    if (batch.size > 0) {
      interrupted |= putUninterruptibly(batch); // taken and dropped if the consumer failed
    }
    interrupted |= putUninterruptibly(END);
    while (true) {
      try {
        consumer.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Returns whether the thread was interrupted meanwhile. */
  private boolean putUninterruptibly(Batch b) {
    boolean interrupted = false;
    while (true) {
      try {
        queue.put(b);
        return interrupted;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
  }

  private void put(Batch b) {
    try {
      queue.put(b);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while staging rows", e);
    }
  }

  private void consume() {
    while (true) {
      Batch b;
      try {
        b = queue.take();
      } catch (InterruptedException e) {
        if (failure == null) {
          failure = e; // then keep draining until END, so the reading thread never blocks
        }
        continue;
      }
      if (b == END) {
        return;
      }
      if (failure != null) {
        continue; // keep taking so the reading thread never blocks; it throws on its next batch
      }
      try {
        for (int i = 0; i < b.size; i++) {
          if (b.items[i] instanceof Reject r) {
            target.rejected(r);
          } else {
            target.accepted(b.lines[i], (Object[]) b.items[i]);
          }
        }
      } catch (RuntimeException | Error e) {
        failure = e;
      }
    }
  }

  private static RuntimeException rethrown(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t);
  }

  /** Rows (value arrays) and rejects in the order the reader met them. */
  private static final class Batch {
    final Object[] items = new Object[BATCH_ROWS];
    final long[] lines = new long[BATCH_ROWS];
    int size;

    void add(long line, Object item) {
      items[size] = item;
      lines[size] = line;
      size++;
    }
  }
}
