package org.telecube.warehouse.reference;

/**
 * An organisation unit: {@code HQ}, a province branch {@code P<province code>} or a city branch
 * {@code C<city code>}.
 *
 * @param level hq, province or city
 * @param parentCode the unit above; empty for HQ
 * @param regionCode the region it serves; empty for HQ
 */
public record OrgUnit(String orgCode, String level, String parentCode, String nameZh, String nameEn,
                      String regionCode) {
  public static final String HQ = "HQ";

  public static String provinceBranchCode(String provinceCode) {
    return "P" + provinceCode;
  }

  public static String cityBranchCode(String cityCode) {
    return "C" + cityCode;
  }
}
