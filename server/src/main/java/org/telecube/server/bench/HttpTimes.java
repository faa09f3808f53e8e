package org.telecube.server.bench;

/**
 * One question through the HTTP API: fresh answers (the result cache bypassed) with aggregate
 * tables allowed and with them forced off, and one repeat the cache may answer.
 */
public record HttpTimes(Samples withAggregates, Samples withoutAggregates, double cachedMillis) {
}
