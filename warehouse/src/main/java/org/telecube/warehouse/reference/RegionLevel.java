package org.telecube.warehouse.reference;

import java.util.Locale;

/** Level of a {@link Region}; lower-case in feeds. */
public enum RegionLevel {
  PROVINCE, CITY;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RegionLevel of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
