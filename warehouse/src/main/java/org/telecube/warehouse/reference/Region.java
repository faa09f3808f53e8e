package org.telecube.warehouse.reference;

import java.util.Objects;

/**
 * A province or prefecture-level city with its GB/T 2260 code.
 *
 * @param code 6-digit administrative code
 * @param level province or city
 * @param parentCode the province's code for a city; empty for a province
 * @param macroRegion one of {@link MacroRegion} codes, e.g. {@code south}
 */
public record Region(String code, RegionLevel level, String parentCode, String nameZh, String nameEn,
                     String macroRegion) {
  public Region {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(level, "level");
    parentCode = parentCode == null ? "" : parentCode;
  }
}
