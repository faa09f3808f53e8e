/**
 * {@code telecube bench}'s parts, one job each: the fixed {@link org.telecube.server.bench.Questions}
 * with their hand-written SQL and the {@link org.telecube.server.bench.AnswerCheck} that both agree,
 * timing in this JVM ({@link org.telecube.server.bench.QuestionBench}) and over the HTTP API of the
 * real server started in this JVM ({@link org.telecube.server.bench.BenchServer},
 * {@link org.telecube.server.bench.HttpBench}), concurrent clients
 * ({@link org.telecube.server.bench.ConcurrencyBench}), load throughput against DuckDB's bare read and
 * small batches ({@link org.telecube.server.bench.LoadBench}), feeds at a scale
 * ({@link org.telecube.server.bench.BenchFeeds}) and the printed Markdown tables
 * ({@link org.telecube.server.bench.BenchReport}). The picocli command that orders them is
 * {@code org.telecube.server.cli.BenchCommand}.
 */
package org.telecube.server.bench;
