/**
 * The star schema: DDL, the calendar, the enumeration lookup tables and the rebuild of conformed
 * dimensions from reference data. Fact derivation from staged feed rows belongs to the ETL.
 */
package org.telecube.warehouse.schema;
