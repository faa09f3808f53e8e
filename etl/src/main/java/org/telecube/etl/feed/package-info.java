/**
 * The feed contract as code: the feed kinds ({@link org.telecube.etl.feed.FeedKind}), their
 * columns and validators ({@link org.telecube.etl.feed.FieldType}), and a reader
 * ({@link org.telecube.etl.feed.FeedReader}) that turns a CSV (optionally gzip) file into
 * validated rows and {@link org.telecube.etl.feed.Reject}s. Knows nothing of the database:
 * codes that must be known (cities, plans, subscribers) are checked through a
 * {@link org.telecube.etl.feed.ValidationContext}.
 */
package org.telecube.etl.feed;
