package org.telecube.warehouse.reference;

import java.math.BigDecimal;

/**
 * A plan in the product catalog.
 *
 * @param family product family code, e.g. {@code 5g_plan}
 * @param businessLine mobile, broadband, fixed or vas
 * @param monthlyFee yuan per month
 * @param networkType the network the plan runs on (2g .. 5g, ftth, adsl, pstn), empty for vas
 */
public record Product(String planCode, String nameZh, String nameEn, String family,
                      String businessLine, BigDecimal monthlyFee, String networkType) {
}
