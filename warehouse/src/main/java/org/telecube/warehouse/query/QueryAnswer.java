package org.telecube.warehouse.query;

/** An answer and whether the {@link ResultCache} gave it, for callers that say so (a response header). */
public record QueryAnswer(CellSet cellSet, CacheStatus cache) {
}
