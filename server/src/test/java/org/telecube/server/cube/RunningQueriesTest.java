package org.telecube.server.cube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.telecube.warehouse.query.QueryException;

/** The registry that lets DELETE /api/cubes/queries/{id} reach the statement of a running query. */
class RunningQueriesTest {
  private final RunningQueries queries = new RunningQueries();

  @Test
  void aCancelReachesTheQueryRunningUnderItsId() {
    boolean cancelled = queries.run("q1", c -> {
      assertThat(queries.cancel("q1")).isTrue();
      return c.isCancelled();
    });
    assertThat(cancelled).isTrue();
    assertThat(queries.cancel("q1")).as("finished: nothing to cancel").isFalse();
    assertThat(queries.size()).isZero();
  }

  @Test
  void withoutAnIdAQueryRunsUncancellable() {
    boolean cancelled = queries.run(null, c -> c.isCancelled());
    assertThat(cancelled).isFalse();
    assertThat(queries.size()).isZero();
  }

  @Test
  void anIdIsUniqueWhileItsQueryRunsAndOfSensibleLength() {
    queries.run("q2", c -> {
      assertThatThrownBy(() -> queries.run("q2", d -> 1)).isInstanceOfSatisfying(QueryException.class,
          e -> assertThat(e.field()).isEqualTo("X-Query-Id"));
      return 0;
    });
    assertThatThrownBy(() -> queries.run("x".repeat(101), c -> 1)).isInstanceOf(QueryException.class);
    assertThatThrownBy(() -> queries.run(" ", c -> 1)).isInstanceOf(QueryException.class);
  }
}
