/**
 * The {@code telecube} command line (picocli): serve, demo, generate, etl load, etl publish, query, report and
 * the analysis tools. Commands that need no web server run without starting Spring; when a running
 * server holds the warehouse file, etl load, query and report send their work to it
 * ({@link org.telecube.server.cli.ServerClient}) after checking it holds the same warehouse.
 */
package org.telecube.server.cli;
