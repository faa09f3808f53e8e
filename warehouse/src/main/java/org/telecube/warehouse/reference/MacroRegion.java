package org.telecube.warehouse.reference;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The seven macro-regions (片区) that group provinces. */
public enum MacroRegion {
  NORTH("华北", "North China"),
  NORTHEAST("东北", "Northeast China"),
  EAST("华东", "East China"),
  CENTRAL("华中", "Central China"),
  SOUTH("华南", "South China"),
  SOUTHWEST("西南", "Southwest China"),
  NORTHWEST("西北", "Northwest China");

  private final String nameZh;
  private final String nameEn;

  MacroRegion(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  public static Optional<MacroRegion> of(String code) {
    return Arrays.stream(values()).filter(m -> m.code().equals(code)).findFirst();
  }
}
