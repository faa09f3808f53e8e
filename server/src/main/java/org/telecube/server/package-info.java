/**
 * The TeleCube application: packages by feature ({@code cube}, {@code etl}, later {@code report},
 * {@code schedule}), a small {@code system} package for cross-cutting configuration, and
 * {@code cli} for the command line that starts everything.
 */
package org.telecube.server;
