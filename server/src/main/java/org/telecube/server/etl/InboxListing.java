package org.telecube.server.etl;

import java.util.List;

/** {@code GET /api/etl/inbox}: the inbox's feed files, by name. */
record InboxListing(List<InboxFile> files) {
}
