/**
 * Schema pieces every backend with tables shares: running SQL scripts kept as resources
 * ({@link org.telecube.warehouse.schema.SqlScript}), the model's enumeration lookup tables
 * ({@link org.telecube.warehouse.schema.EnumerationTables}) and its aggregate tables, created and
 * refreshed from their facts ({@link org.telecube.warehouse.schema.AggregateTables}). The star's tables in each backend's
 * own SQL belong to that backend's module.
 */
package org.telecube.warehouse.schema;
