package org.telecube.server.etl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A batch to load from the inbox: file names in it and, optionally, the feed of every file.
 *
 * @param files the paths clients used to send; kept only to refuse them by name, whatever their type
 */
record BatchRequest(List<String> inbox, String feed, JsonNode files) {
}
