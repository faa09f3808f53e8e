/**
 * Reference data shipped with the product: regions (GB/T 2260 provinces and prefecture cities with
 * their macro-region), org units (HQ, province and city branches), the product catalog and the
 * charge items. The same shapes are accepted as reference feeds, so operators can extend them.
 *
 * <p>Holds immutable records and the classpath loader only; loading into the warehouse lives with
 * the ETL.
 */
package org.telecube.warehouse.reference;
