package org.telecube.etl.feed;

/** What {@link FeedReader#read} saw in a file: data rows read, accepted and rejected. */
public record ReadCounts(long rowsRead, long rowsAccepted, long rowsRejected) {
}
