/**
 * The cube model: immutable records for cubes, dimensions, levels, measures, aggregate tables and enumerations, and
 * the loader that reads them from {@code model.yaml}. Names and captions come only from the model
 * file; nothing here runs SQL.
 */
package org.telecube.warehouse.model;
