package org.telecube.server.security;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.telecube.warehouse.query.Scope;
import org.telecube.warehouse.reference.OrgUnit;
import org.telecube.warehouse.reference.ReferenceData;

/**
 * The model's org/region mapping: which part of the region dimension an org unit may see. HQ sees
 * everything, a province branch its province, a city branch its city.
 */
public final class OrgScopes {
  private static final Map<String, OrgUnit> UNITS = ReferenceData.shipped().orgUnits().stream()
      .collect(Collectors.toUnmodifiableMap(OrgUnit::orgCode, Function.identity()));

  private OrgScopes() {
  }

  /** The org unit {@code code} ({@code P440000}), upper-cased first. */
  public static Optional<OrgUnit> unit(String code) {
    return code == null ? Optional.empty()
        : Optional.ofNullable(UNITS.get(code.strip().toUpperCase(java.util.Locale.ROOT)));
  }

  /** Whether everything {@code inner} sees lies inside {@code outer} (a city inside its province). */
  public static boolean within(Scope inner, Scope outer) {
    if (outer.isAll()) {
      return true;
    }
    if (inner.isAll()) {
      return false;
    }
    java.util.Map<String, org.telecube.warehouse.reference.Region> regions = ReferenceData.shipped().regionsByCode();
    for (String key : inner.keys()) {
      boolean inside = false;
      for (String k = key; k != null && !k.isEmpty() && !inside; ) {
        inside = outer.keys().contains(k) && levelOf(k).equals(outer.levelName());
        org.telecube.warehouse.reference.Region r = regions.get(k);
        k = r == null ? null : r.parentCode();
      }
      if (!inside) {
        return false;
      }
    }
    return true;
  }

  private static String levelOf(String regionKey) {
    org.telecube.warehouse.reference.Region r = ReferenceData.shipped().regionsByCode().get(regionKey);
    return r == null ? "" : r.level().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** What {@code unit} may see. */
  public static Scope scopeOf(OrgUnit unit) {
    return switch (unit.level()) {
      case "province" -> Scope.of("region.province", unit.regionCode());
      case "city" -> Scope.of("region.city", unit.regionCode());
      default -> Scope.all();
    };
  }
}
