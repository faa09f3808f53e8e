/** The cube API: the model, members for drill-down, queries (cancellable by the id their client sent), and export. */
package org.telecube.server.cube;
