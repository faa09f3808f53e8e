package org.telecube.server.security;

import java.util.Locale;
import java.util.Optional;

/** What a user may do; where they may look is their org unit ({@link Viewer#scope()}). */
public enum Role {
  /** Users, every schedule, loads, and everything an analyst and a manager may. */
  ADMIN,
  /** Cubes, reports and their own schedules. */
  ANALYST,
  /** Reports, the churn lists and their own schedules. */
  MANAGER,
  /** Loads only. */
  LOADER;

  /** The name stored and shown: {@code admin}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code code} ({@code analyst}), in any case. */
  public static Optional<Role> parse(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Role r : values()) {
      if (r.code().equalsIgnoreCase(code.strip())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The Spring Security authority ({@code ROLE_ADMIN}). */
  String authority() {
    return "ROLE_" + name();
  }
}
