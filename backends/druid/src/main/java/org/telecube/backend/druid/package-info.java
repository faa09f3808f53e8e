/**
 * The Apache Druid backend: the star as one datasource per table (facts partitioned by month,
 * subscriber attributes stamped on every fact row as of its month, money in whole cents), asked in
 * Druid SQL over the broker's Avatica endpoint ({@link org.telecube.backend.druid.DruidBackend},
 * {@link org.telecube.backend.druid.DruidDialect}), published by native batch ingestion
 * ({@link org.telecube.backend.druid.DruidPublisher}).
 */
package org.telecube.backend.druid;
