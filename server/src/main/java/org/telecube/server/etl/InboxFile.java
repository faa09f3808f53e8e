package org.telecube.server.etl;

import java.time.Instant;

/** A feed file in the inbox: its name (what a batch names), size in bytes and last modification. */
record InboxFile(String name, long size, Instant modified) {
}
