/**
 * Derivation of the star from the stg_* tables, in SQL, inside the loading transaction:
 * the type-2 subscriber history ({@link org.telecube.etl.derive.SubscriberHistory}) and the
 * fact tables ({@link org.telecube.etl.derive.FactTables}), rebuilt fully or by month as a
 * {@link org.telecube.etl.derive.DerivationScope} says.
 */
package org.telecube.etl.derive;
