package org.telecube.server.cube;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.telecube.server.system.ApiException;
import org.telecube.warehouse.query.Cancellation;
import org.telecube.warehouse.query.QueryException;

/**
 * The queries running now, by the id their client chose ({@code X-Query-Id}), so that a user who
 * gives up (the explorer's Cancel) stops the statement on the warehouse instead of leaving it to
 * run for nobody. (A client that simply closes the connection is noticed too: queries run
 * asynchronously, see {@code org.telecube.server.load.AsyncWork}.)
 */
@Component
class RunningQueries {
  static final String HEADER = "X-Query-Id";
  private static final int MAX_ID_LENGTH = 100;

  private final Map<String, Cancellation> running = new ConcurrentHashMap<>();

  <T> T run(String id, Function<Cancellation, T> query) {
    Cancellation cancellation = register(id);
    try {
      return query.apply(cancellation);
    } finally {
      release(id, cancellation);
    }
  }

  /**
   * A new cancellation for a query, listed under {@code id} when the client gave one (refused if
   * that id is malformed or already running); {@link #release} it when the query is over.
   */
  Cancellation register(String id) {
    Cancellation cancellation = new Cancellation();
    if (id == null) {
      return cancellation;
    }
    if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
      throw new QueryException(HEADER, "bad_query_id", HEADER + " must be 1 to " + MAX_ID_LENGTH + " characters", MAX_ID_LENGTH);
    }
    if (running.putIfAbsent(id, cancellation) != null) {
      throw new QueryException(HEADER, "duplicate_query_id", "a query with id \"" + id + "\" is already running", id);
    }
    return cancellation;
  }

  void release(String id, Cancellation cancellation) {
    if (id != null) {
      running.remove(id, cancellation);
    }
  }

  /**
   * Cancels the query {@code id} if it is still running; true if there was one. An unknown id is
   * no mistake (the query may just have finished), but one no query could have been registered
   * under is: too long, blank or with a control character.
   */
  boolean cancel(String id) {
    if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
      throw new QueryException("id", "bad_query_id", HEADER + " must be 1 to " + MAX_ID_LENGTH + " characters",
          MAX_ID_LENGTH);
    }
    if (id.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest("id", "control_character", "id contains a control character", "id");
    }
    Cancellation c = running.get(id);
    if (c != null) {
      c.cancel();
    }
    return c != null;
  }

  int size() {
    return running.size();
  }
}
