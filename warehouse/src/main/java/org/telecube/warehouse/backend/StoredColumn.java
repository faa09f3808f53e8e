package org.telecube.warehouse.backend;

import java.util.Locale;
import java.util.Objects;

/**
 * A column as a backend stores it, for backends that describe their tables themselves.
 *
 * @param name the column's name, as the star names it
 * @param type the SQL type the backend's queries see: {@code VARCHAR}, {@code BIGINT},
 *     {@code DOUBLE}, {@code TIMESTAMP}, …
 * @param unitScale 0, or the scale of a decimal kept as a whole number of its smallest unit
 *     ({@code 2} for money in cents): sums over it stay exact integers, and the planner moves the
 *     decimal point back when it reads them
 */
public record StoredColumn(String name, String type, int unitScale) {
  public StoredColumn {
    Objects.requireNonNull(name, "name");
    type = type.toUpperCase(Locale.ROOT);
    if (unitScale < 0) {
      throw new IllegalArgumentException("unitScale " + unitScale);
    }
  }
}
