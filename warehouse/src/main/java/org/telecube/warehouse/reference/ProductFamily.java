package org.telecube.warehouse.reference;

/** Captions of a product family code, e.g. {@code 5g_plan} → 5G套餐 / 5G plans. */
public record ProductFamily(String family, String businessLine, String nameZh, String nameEn) {
}
