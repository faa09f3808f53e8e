package org.telecube.warehouse.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers already computed, so that a question asked again (the explorer re-opening a view, a
 * report rendered for the tenth user) costs a lookup. An entry is keyed by the validated query,
 * the scope, whether aggregates may answer and the warehouse's data version ({@link Key}), so a
 * load simply makes old entries unreachable; they age out as the bound pushes them. The bound is
 * in values (cells × columns, totals included), which is what an answer costs in memory.
 *
 * <p>It also keeps the rows of the small statements every question runs besides its own — the
 * cube's month span, the periods of its time levels, the check that filtered members exist —
 * keyed by their SQL (the scope is in it) and the data version: a fresh question then runs its
 * one main statement.
 */
public final class ResultCache {
  private static final ResultCache OFF = new ResultCache(0);

  private final long maxValues;
  private final Cache<Object, Object> entries;

  /** A cache holding at most {@code maxValues} values; 0 (or less) caches nothing. */
  public ResultCache(long maxValues) {
    this.maxValues = Math.max(0, maxValues);
    this.entries = this.maxValues == 0 ? null : Caffeine.newBuilder()
        .maximumWeight(this.maxValues)
        .weigher((Object k, Object v) -> v instanceof CellSet c ? weight(c) : weight((List<?>) v, (StatementKey) k))
        // the caller's thread does the eviction: no ForkJoinPool work behind the answers' back
        .executor(Runnable::run)
        .build();
  }

  /** Caches nothing: every answer is computed. */
  public static ResultCache off() {
    return OFF;
  }

  public boolean enabled() {
    return entries != null;
  }

  public long maxValues() {
    return maxValues;
  }

  Optional<CellSet> get(Key key) {
    return entries == null ? Optional.empty() : Optional.ofNullable((CellSet) entries.getIfPresent(key));
  }

  /** The rows {@code key}'s statement gave on its data version, computed (and kept) when not held. */
  @SuppressWarnings("unchecked")
  List<ResultRow> rows(StatementKey key, Supplier<List<ResultRow>> compute) {
    if (entries == null) {
      return compute.get();
    }
    Object held = entries.getIfPresent(key);
    if (held != null) {
      return (List<ResultRow>) held;
    }
    // computed outside the cache's lock: two threads may both run it, neither waits on the other's SQL
    List<ResultRow> rows = List.copyOf(compute.get());
    if (weight(rows, key) <= maxValues) {
      entries.put(key, rows);
    }
    return rows;
  }

  boolean contains(Key key) {
    return entries != null && entries.asMap().containsKey(key);
  }

  void put(Key key, CellSet answer) {
    // an answer bigger than the whole bound would only evict everything else and then itself
    if (entries != null && weight(answer) <= maxValues) {
      entries.put(key, answer);
    }
  }

  /** Forgets every answer (after a load in this process: they can no longer be asked for anyway). */
  public void clear() {
    if (entries != null) {
      entries.invalidateAll();
      entries.cleanUp();
    }
  }

  /** Values held now (cells × columns of every entry), for tests and monitoring. */
  public long weight() {
    if (entries == null) {
      return 0;
    }
    entries.cleanUp();
    return entries.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }

  /** Answers held now. */
  public long size() {
    return held(CellSet.class);
  }

  /** Shared statements' rows held now (month spans, periods, member checks). */
  public long statements() {
    return held(List.class);
  }

  private long held(Class<?> type) {
    if (entries == null) {
      return 0;
    }
    entries.cleanUp();
    return entries.asMap().values().stream().filter(type::isInstance).count();
  }

  private static int weight(List<?> rows, StatementKey key) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (long) rows.size() * key.width()));
  }

  /** What an answer holds: one value per column of each cell and total record, at least 1. */
  static int weight(CellSet answer) {
    long records = (long) answer.cells().size() + answer.totals().size();
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, records * Math.max(1, answer.columns().size())));
  }

  /**
   * What makes two answers the same: the query as validated (names resolved, so equivalent JSON
   * spellings — locale case, defaults left out — share an entry), who asks ({@link Scope}),
   * whether aggregate tables may answer, and the data it was computed on.
   */
  record Key(QueryShape query, Scope scope, boolean aggregates, long dataVersion) {
  }

  /** A {@link ValidatedQuery} by names only: cheap to hash and compare, free of model objects. */
  record QueryShape(String cube, String language, java.util.List<String> rows, java.util.List<String> columns,
                    java.util.List<String> measures, java.util.List<FilterShape> filters,
                    java.util.List<OrderKey> order, int limit, boolean totals,
                    java.util.List<TimeIntelligence> timeIntelligence) {
    static QueryShape of(ValidatedQuery q) {
      return new QueryShape(q.cube().name(), q.language().tag(),
          q.rows().stream().map(ResolvedLevel::name).toList(), q.columns().stream().map(ResolvedLevel::name).toList(),
          q.measures().stream().map(m -> m.name()).toList(),
          q.filters().stream().map(f -> new FilterShape(f.level().name(), f.members(), f.from(), f.to())).toList(),
          q.order(), q.limit(), q.totals(), q.timeIntelligence());
    }
  }

  /** A statement's rows on one data version; {@code width} is its column count, for the bound. */
  record StatementKey(String sql, int width, long dataVersion) {
  }

  record FilterShape(String level, java.util.List<String> members, String from, String to) {
  }
}
