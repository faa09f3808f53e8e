/**
 * Cube queries: the request and result value types, validation against the model, planning with
 * Apache Calcite's RelBuilder, unparsing to the backend's SQL dialect, and execution. This is the
 * one path from a query to SQL (where a mandatory access filter will later be added).
 */
package org.telecube.warehouse.query;
