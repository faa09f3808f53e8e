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

  /** What {@code unit} may see. */
  public static Scope scopeOf(OrgUnit unit) {
    return switch (unit.level()) {
      case "province" -> Scope.of("region.province", unit.regionCode());
      case "city" -> Scope.of("region.city", unit.regionCode());
      default -> Scope.all();
    };
  }
}
