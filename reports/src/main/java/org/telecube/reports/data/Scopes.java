package org.telecube.reports.data;

import java.util.List;
import org.telecube.reports.ReportException;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.MemberList;
import org.telecube.warehouse.query.MemberRef;
import org.telecube.warehouse.query.QueryEngine;

/** Resolves a report's scope (a region key at any level, or empty for the country) through the cube's members. */
public final class Scopes {
  static final List<String> REGION_LEVELS = List.of("region.country", "region.macro_region", "region.province",
      "region.city");

  private final QueryEngine engine;
  private final String cube;

  public Scopes(QueryEngine engine, String cube) {
    this.engine = engine;
    this.cube = cube;
  }

  /** Finds the level of a region key, trying the levels top-down. */
  public Scope resolve(String scope, Language language, ReportMessages messages) {
    if (scope == null || scope.isBlank()) {
      return new Scope(null, null, messages.get("scope.country"), REGION_LEVELS.get(1),
          levelCaption(REGION_LEVELS.get(1), language));
    }
    String key = scope.trim();
    for (int i = 1; i < REGION_LEVELS.size(); i++) {
      String level = REGION_LEVELS.get(i);
      MemberList members = engine.members(cube, level, null, language.tag());
      for (MemberRef m : members.members()) {
        if (m.key().equals(key)) {
          String child = i + 1 < REGION_LEVELS.size() ? REGION_LEVELS.get(i + 1) : null;
          return new Scope(level, key, m.caption(), child, child == null ? null : levelCaption(child, language));
        }
      }
    }
    throw ReportException.notFound("scope", "unknown_scope", "unknown scope \"" + key
        + "\": a macro-region, province or city key (e.g. south, 440000, 440100), or empty for the whole country", key);
  }

  private String levelCaption(String level, Language language) {
    String[] parts = level.split("\\.");
    return engine.model().dimension(parts[0]).flatMap(d -> d.levels().stream()
        .filter(l -> l.name().equals(parts[1])).findFirst()).map(l -> l.caption().in(language)).orElse(level);
  }
}
