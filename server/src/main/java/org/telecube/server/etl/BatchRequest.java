package org.telecube.server.etl;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A batch to load from the inbox: file names in it and, optionally, the feed of every file.
 *
 * @param files the paths clients used to send; read only to refuse them by name, whatever their type
 */
record BatchRequest(@Schema(description = "names of files in the server's inbox (GET /api/etl/inbox)",
                            example = "[\"billing_2025-06.csv\"]") List<String> inbox,
                    @Schema(description = "the feed of every file; default: from each name's prefix") String feed,
                    @Schema(hidden = true) JsonNode files) {
}
