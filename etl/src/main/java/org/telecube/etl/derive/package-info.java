/**
 * Derivation of the star from the stg_* tables, in SQL, inside the loading transaction:
 * the type-2 subscriber history ({@link org.telecube.etl.derive.SubscriberHistory}) and the
 * fact tables ({@link org.telecube.etl.derive.FactTables}), rebuilt fully, by month, or for the
 * subscribers whose history changed, as a {@link org.telecube.etl.derive.DerivationScope} says;
 * then the customer analysis from the earliest month that changed. What changed, per table and
 * month, is returned as {@link org.telecube.etl.derive.DerivedChanges}.
 */
package org.telecube.etl.derive;
