/**
 * The {@code telecube} command line (picocli): serve, demo, generate, etl load, query. Commands
 * that need no web server run without starting Spring.
 */
package org.telecube.server.cli;
