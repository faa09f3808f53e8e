/**
 * The seam between the engine and a database: a {@link org.telecube.warehouse.backend.Backend}
 * gives a pooled {@link javax.sql.DataSource} and the Calcite SQL dialect to unparse plans into.
 * Implementations live in sub-packages the core never imports.
 */
package org.telecube.warehouse.backend;
