/**
 * Running SQL scripts kept as resources ({@link org.telecube.warehouse.schema.SqlScript}). The
 * star's tables in each backend's own SQL belong to that backend's module.
 */
package org.telecube.warehouse.schema;
