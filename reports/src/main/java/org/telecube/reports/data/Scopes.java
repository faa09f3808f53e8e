package org.telecube.reports.data;

import java.util.List;
import java.util.stream.Collectors;
import org.telecube.reports.ReportException;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.MemberList;
import org.telecube.warehouse.query.MemberRef;
import org.telecube.warehouse.query.QueryEngine;

/**
 * Resolves a report's scope (a region key at any level, or empty for the country) through the cube's members.
 *
 * <p>Under an engine scoped to a region (a viewer bound to Guangdong) the report covers that region
 * or a region inside it, never more: a blank scope is the viewer's own, and a region containing
 * it (its macro-region) or beside it is refused as {@code out_of_scope}. The engine would answer
 * such a region within the scope, but the document would then be titled 华南 while holding only
 * Guangdong's numbers.
 */
public final class Scopes {
  static final List<String> REGION_LEVELS = List.of("region.country", "region.macro_region", "region.province",
      "region.city");

  private final QueryEngine engine;
  private final String cube;

  public Scopes(QueryEngine engine, String cube) {
    this.engine = engine;
    this.cube = cube;
  }

  /**
   * Finds the level of a region key, trying the levels top-down.
   *
   * @throws ReportException NOT_FOUND for a key that is no region; FORBIDDEN ({@code out_of_scope})
   *     for one outside the engine's scope or above it
   */
  public Scope resolve(String scope, Language language, ReportMessages messages) {
    int floor = viewerLevel();
    String key;
    if (scope == null || scope.isBlank()) {
      if (floor == 0) {
        return new Scope(null, null, messages.get("scope.country"), REGION_LEVELS.get(1),
            levelCaption(REGION_LEVELS.get(1), language));
      }
      if (engine.scope().keys().size() != 1) {
        // no one region is the viewer's own: the country is more than they may see
        throw outOfScope(messages.get("scope.country"), language);
      }
      key = engine.scope().keys().iterator().next();
    } else {
      key = scope.trim();
    }
    for (int i = 1; i < REGION_LEVELS.size(); i++) {
      String level = REGION_LEVELS.get(i);
      MemberList members = engine.members(cube, level, null, language.tag());
      for (MemberRef m : members.members()) {
        if (m.key().equals(key)) {
          if (i < floor) {
            // a region containing the viewer's: the scoped engine lists it, with the viewer's numbers only
            throw outOfScope(key, language);
          }
          String child = i + 1 < REGION_LEVELS.size() ? REGION_LEVELS.get(i + 1) : null;
          return new Scope(level, key, m.caption(), child, child == null ? null : levelCaption(child, language));
        }
      }
    }
    if (floor > 0 && existsUnscoped(key, language)) {
      throw outOfScope(key, language);
    }
    throw ReportException.notFound("scope", "unknown_scope", "unknown scope \"" + key
        + "\": a macro-region, province or city key (e.g. south, 440000, 440100), or empty for the whole country", key);
  }

  /**
   * The index in {@link #REGION_LEVELS} of the engine's scope level: 0 (the country) for an
   * unscoped engine or one scoped on another dimension, whose regions are all the viewer's.
   */
  private int viewerLevel() {
    org.telecube.warehouse.query.Scope s = engine.scope();
    int i = s.isAll() ? -1 : REGION_LEVELS.indexOf(s.level());
    return Math.max(i, 0);
  }

  /** Whether {@code key} is a region at all: asked without the scope, only once the scoped engine did not find it. */
  private boolean existsUnscoped(String key, Language language) {
    QueryEngine all = engine.scoped(org.telecube.warehouse.query.Scope.all());
    for (int i = 1; i < REGION_LEVELS.size(); i++) {
      for (MemberRef m : all.members(cube, REGION_LEVELS.get(i), null, language.tag()).members()) {
        if (m.key().equals(key)) {
          return true;
        }
      }
    }
    return false;
  }

  private ReportException outOfScope(String key, Language language) {
    org.telecube.warehouse.query.Scope s = engine.scope();
    // the viewer's own regions, named as the viewer sees them (the scoped engine lists exactly those)
    String own = engine.members(cube, s.level(), null, language.tag()).members().stream().map(MemberRef::caption)
        .collect(Collectors.joining(language == Language.EN ? ", " : "、"));
    return ReportException.forbidden("scope", "out_of_scope", "report scope \"" + key + "\" is outside the scope "
        + s.level() + " " + s.keys(), key, own.isEmpty() ? String.join(", ", s.keys()) : own);
  }

  private String levelCaption(String level, Language language) {
    String[] parts = level.split("\\.");
    return engine.model().dimension(parts[0]).flatMap(d -> d.levels().stream()
        .filter(l -> l.name().equals(parts[1])).findFirst()).map(l -> l.caption().in(language)).orElse(level);
  }
}
