/** The cube API: the model, members for drill-down, and queries. */
package org.telecube.server.cube;
