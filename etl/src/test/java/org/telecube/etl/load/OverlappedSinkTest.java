package org.telecube.etl.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telecube.etl.feed.Reject;
import org.telecube.etl.feed.RowSink;

class OverlappedSinkTest {

  /** Records what it receives, and on which thread. */
  private static final class Recording implements RowSink {
    final List<String> seen = new ArrayList<>();
    final List<Thread> threads = new ArrayList<>();
    long failAt = -1;

    @Override
    public void accepted(long line, Object[] values) {
      if (line == failAt) {
        throw new UncheckedSqlException(new SQLException("appender broke at " + line));
      }
      seen.add(line + "=" + values[0]);
      threads.add(Thread.currentThread());
    }

    @Override
    public void rejected(Reject reject) {
      seen.add(reject.line() + "!" + reject.reason());
      threads.add(Thread.currentThread());
    }
  }

  @Test
  void rowsAndRejectsArriveInReadOrderOnAnotherThreadAcrossManyBatches() {
    Recording target = new Recording();
    int rows = 10_000; // more than two batches
    long result = OverlappedSink.run(target, "test", sink -> {
      Object[] reused = new Object[1];
      for (int line = 2; line < rows + 2; line++) {
        if (line % 997 == 0) {
          sink.rejected(new Reject("f.csv", line, "amount", "x", "bad amount", "raw"));
        } else {
          reused[0] = "v" + line; // the reader reuses its array: the sink must have copied it
          sink.accepted(line, reused);
        }
      }
      return 42L;
    });

    assertThat(result).isEqualTo(42L);
    assertThat(target.seen).hasSize(rows);
    for (int i = 0; i < rows; i++) {
      int line = i + 2;
      assertThat(target.seen.get(i)).isEqualTo(line % 997 == 0 ? line + "!bad amount" : line + "=v" + line);
    }
    assertThat(target.threads).doesNotContain(Thread.currentThread());
  }

  @Test
  void theTargetsFailureIsThrownAsItWasAndReadingStops() {
    Recording target = new Recording();
    target.failAt = 5_000;
    long[] offered = {0};
    assertThatThrownBy(() -> OverlappedSink.run(target, "test", sink -> {
      for (int line = 1; line <= 1_000_000; line++) {
        sink.accepted(line, new Object[] {line});
        offered[0] = line;
      }
      return null;
    })).isInstanceOf(UncheckedSqlException.class).hasMessageContaining("appender broke at 5000");
    // the reader learns of it at its next batch hand-over, not after the whole file
    assertThat(offered[0]).isLessThan(200_000);
  }

  @Test
  void theReadersFailureIsThrownAfterWhatWasReadBeforeItWasPassedOn() {
    Recording target = new Recording();
    assertThatThrownBy(() -> OverlappedSink.run(target, "test", sink -> {
      for (int line = 1; line <= 100; line++) {
        sink.accepted(line, new Object[] {line});
      }
      throw new IllegalArgumentException("broken gzip");
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("broken gzip");
    // the consumer finished (no thread left appending) with the rows read before the failure
    assertThat(target.seen).hasSize(100);
  }

  @Test
  void anAppenderFailureBeforeTheReadersOwnIsTheOneThrown() {
    Recording target = new Recording();
    target.failAt = 1;
    assertThatThrownBy(() -> OverlappedSink.run(target, "test", sink -> {
      for (int line = 1; line <= 4_096; line++) { // one whole batch, handed on
        sink.accepted(line, new Object[] {line});
      }
      try {
        Thread.sleep(300); // the appending thread meets line 1 meanwhile
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalArgumentException("bad quoting at line 4097");
    })).isInstanceOf(UncheckedSqlException.class).hasMessageContaining("appender broke at 1")
        .satisfies(e -> assertThat(e.getSuppressed()).anySatisfy(s ->
            assertThat(s).isInstanceOf(IllegalArgumentException.class)));
  }

  @Test
  void anInterruptedReaderStillWaitsForTheAppendingThreadBeforeReturning() {
    Recording target = new Recording();
    try {
      assertThatThrownBy(() -> OverlappedSink.run(target, "test", sink -> {
        for (int line = 1; line <= 20_000; line++) {
          sink.accepted(line, new Object[] {line});
        }
        Thread.currentThread().interrupt();
        throw new IllegalStateException("stopped");
      })).isInstanceOf(IllegalStateException.class).hasMessage("stopped");
      // every row was passed on before run returned: no thread is left using the target
      assertThat(target.seen).hasSize(20_000);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void nothingReadIsFine() {
    Recording target = new Recording();
    String answer = OverlappedSink.run(target, "test", sink -> "empty");
    assertThat(answer).isEqualTo("empty");
    assertThat(target.seen).isEmpty();
  }
}
