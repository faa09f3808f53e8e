package org.telecube.warehouse.reference;

/**
 * A bill line's charge item (the fixed list of the billing feed) and its category.
 *
 * @param category e.g. recurring, usage, adjustment
 */
public record ChargeItem(String code, String nameZh, String nameEn, String category,
                         String categoryNameZh, String categoryNameEn) {
}
