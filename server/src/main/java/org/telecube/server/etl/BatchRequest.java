package org.telecube.server.etl;

import java.util.List;

/**
 * A batch to load: paths on the server's file system (files or directories) and, optionally, the
 * feed of every file.
 */
record BatchRequest(List<String> files, String feed) {
}
