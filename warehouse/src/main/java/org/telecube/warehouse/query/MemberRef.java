package org.telecube.warehouse.query;

/** A member as results show it: its key (what filters use) and its caption in the query's language. */
public record MemberRef(String key, String caption) {
}
