/**
 * The deterministic sample-data generator behind {@code telecube generate}: it simulates a
 * subscriber base month by month and writes the four monthly feeds (subscribers, billing, usage,
 * service_events) in exactly the format the ETL loads, so demos and tests have realistic data
 * without touching real customer records.
 *
 * <p>What belongs here: the public entry point {@link org.telecube.etl.generate.SampleGenerator}
 * with its settings, listener and summary types, and the package-private models it is built from
 * (population, lifecycle and churn, billing, usage, events, CSV feed writing). What does not:
 * command-line parsing and progress display (the CLI), and reading or validating feeds (the ETL).
 *
 * <p>Rules every class here keeps, so one seed always yields byte-identical files: all randomness
 * comes from {@link java.util.SplittableRandom} streams derived from the seed, one per
 * subscriber-month (never {@code Math.random} or the clock), which also makes the output
 * independent of how many threads simulate; transcendental functions use {@link StrictMath};
 * nothing depends on the JVM's default time zone, locale or charset.
 */
package org.telecube.etl.generate;
