package org.telecube.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.churn.AtRiskSubscriber;
import org.telecube.warehouse.churn.ChurnListQuery;
import org.telecube.warehouse.churn.ChurnLists;
import org.telecube.warehouse.churn.ChurnedSubscriber;
import org.telecube.warehouse.model.Language;

/**
 * Every path from a question to SQL goes through the one planner: an engine scoped to Guangdong
 * (440000) answers cells, totals, time intelligence, drill-across, members and the churn lists
 * with Guangdong's rows only, and its numbers are the unscoped answers filtered to Guangdong. A
 * path that bypassed the planner would show Beijing here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnePathTest {
  private static final String GD = "440000";

  @TempDir
  static Path dir;

  private Warehouse warehouse;
  private QueryEngine engine;
  private QueryEngine scoped;
  private Set<String> gdCities;

  @BeforeAll
  void star() throws Exception {
    warehouse = Warehouse.openEmbedded(dir);
    SmallStar.fill(warehouse);
    engine = new QueryEngine(warehouse.backend(), warehouse.model());
    scoped = engine.scoped(Scope.of("region.province", GD));
    gdCities = engine.members("revenue", "region.city", GD, "en").members().stream().map(MemberRef::key)
        .collect(Collectors.toSet());
    assertThat(gdCities).contains("440100", "440300").doesNotContain("110100");
  }

  @AfterAll
  void close() {
    warehouse.close();
  }

  @Test
  void cellsTotalsAndTimeIntelligenceAreTheFilteredAnswer() {
    CubeQuery q = CubeQuery.of("revenue", List.of("revenue", "arrears"), List.of("region.city"))
        .withColumns(List.of("time.quarter")).withTotals(true)
        .withTimeIntelligence(List.of("previous_period", "previous_period_change", "year_to_date"));
    CellSet inScope = scoped.execute(q);
    assertSameAnswer(inScope, engine.execute(inGuangdong(q)));
    assertThat(inScope.cells()).isNotEmpty().allSatisfy(c -> assertThat(gdCities).contains((String) c.get("region.city")));
    assertThat(inScope.totals()).filteredOn(t -> t.get("region.city") != null)
        .allSatisfy(t -> assertThat(gdCities).contains((String) t.get("region.city")));
    // the grand total is Guangdong's: 100 + 120 + 50 + 100 + 130, no Beijing
    assertThat(inScope.totals()).filteredOn(t -> t.get("region.city") == null && t.get("time.quarter") == null)
        .singleElement().satisfies(t -> assertThat(((Number) t.get("revenue")).doubleValue()).isEqualTo(500.0));
  }

  @Test
  void semiAdditiveAndMonthlyTimeIntelligenceToo() {
    CubeQuery q = CubeQuery.of("subscribers", List.of("active_end", "churned"), List.of("time.month"))
        .withTotals(true).withTimeIntelligence(List.of("previous_period", "same_period_last_year_change"));
    assertSameAnswer(scoped.execute(q), engine.execute(inGuangdong(q)));
  }

  @Test
  void drillAcrossRestrictsBothCubes() {
    CubeQuery q = CubeQuery.of("usage", List.of("voice_minutes", "active_end", "mou"), List.of())
        .withFilters(List.of(LevelFilter.members("time.month", "2025-03")));
    CellSet inScope = scoped.execute(q);
    assertSameAnswer(inScope, engine.execute(inGuangdong(q)));
    // a and d in Guangdong: 900 s = 15 min over 2 subscribers (without scope c's 20 min and 3 subscribers)
    assertThat(inScope.cells()).singleElement().satisfies(c -> {
      assertThat(c.get("active_end")).isEqualTo(2L);
      assertThat(((Number) c.get("mou")).doubleValue()).isEqualTo(7.5);
    });
  }

  @Test
  void membersListOnlyTheScope() {
    assertThat(scoped.members("revenue", "region.city", null, "en").members()).extracting(MemberRef::key)
        .containsExactlyInAnyOrderElementsOf(gdCities);
    assertThat(scoped.members("revenue", "region.province", null, "en").members()).extracting(MemberRef::key)
        .containsExactly(GD);
    // the scope's macro-region is a parent within it: its members are the scope's
    assertThat(scoped.members("revenue", "region.province", "south", "en").members()).extracting(MemberRef::key)
        .containsExactly(GD);
    // a parent that exists outside the scope is refused as such; one that exists nowhere is unknown
    assertThatThrownBy(() -> scoped.members("revenue", "region.city", "110000", "en"))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.code()).isEqualTo("out_of_scope");
          assertThat(e.field()).isEqualTo("parent");
          assertThat(e.args()).containsExactly("110000", "region.province");
        });
    assertThatThrownBy(() -> scoped.members("revenue", "region.province", "north", "en"))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).isEqualTo("out_of_scope"));
    assertThatThrownBy(() -> scoped.members("revenue", "region.city", "990000", "en"))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).isEqualTo("unknown_member"));
  }

  @Test
  void aFilterOutsideTheScopeIsOutOfScope() {
    assertThatThrownBy(() -> scoped.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("region.city"))
        .withFilters(List.of(LevelFilter.members("region.province", "110000")))))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.code()).isEqualTo("out_of_scope");
          assertThat(e.field()).isEqualTo("filters[0].members[0]");
          assertThat(e.args()).containsExactly("110000", "region.province");
        });
    // the first key outside, after a key inside and at another level of the dimension
    assertThatThrownBy(() -> scoped.execute(CubeQuery.of("revenue", List.of("revenue"), List.of())
        .withFilters(List.of(LevelFilter.members("time.month", "2025-01"),
            LevelFilter.members("region.city", "440100", "110100")))))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.code()).isEqualTo("out_of_scope");
          assertThat(e.field()).isEqualTo("filters[1].members[1]");
        });
    // a macro-region the scope is not part of
    assertThatThrownBy(() -> scoped.execute(CubeQuery.of("revenue", List.of("revenue"), List.of())
        .withFilters(List.of(LevelFilter.members("region.macro_region", "north")))))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).isEqualTo("out_of_scope"));
    // the unscoped engine knows the same keys: nothing is refused there
    assertThat(engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of())
        .withFilters(List.of(LevelFilter.members("region.city", "440100", "110100")))).cells()).isNotEmpty();
  }

  /** The check without the scope runs only for a refused member: a question that passes runs what it always did. */
  @Test
  void onlyARefusalPaysForTheCheckWithoutTheScope() {
    CubeQuery q = CubeQuery.of("revenue", List.of("revenue"), List.of("region.city"))
        .withFilters(List.of(LevelFilter.members("region.city", "440100")));
    ResultCache inScope = new ResultCache(1_000_000);
    QueryEngine cachedScoped = engine.withCache(inScope).scoped(Scope.of("region.province", GD));
    cachedScoped.execute(q);
    ResultCache unscoped = new ResultCache(1_000_000);
    engine.withCache(unscoped).execute(q);
    assertThat(inScope.statements()).isPositive().isEqualTo(unscoped.statements());
    long before = inScope.statements();
    assertThatThrownBy(() -> cachedScoped.execute(q.withFilters(List.of(LevelFilter.members("region.city", "110100")))))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).isEqualTo("out_of_scope"));
    // its member check within the scope, then the same without it
    assertThat(inScope.statements()).isEqualTo(before + 2);
  }

  @Test
  void aMemberThatExistsNowhereIsStillUnknownAndSuggestsOnlyFromTheScope() {
    assertThatThrownBy(() -> scoped.execute(CubeQuery.of("revenue", List.of("revenue"), List.of())
        .withFilters(List.of(LevelFilter.members("region.province", "990000")))))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.code()).isEqualTo("unknown_member");
          assertThat(e.field()).isEqualTo("filters[0].members[0]");
        });
    // a caption typed for the key: within the scope the member is suggested ...
    assertThatThrownBy(() -> scoped.execute(CubeQuery.of("revenue", List.of("revenue"), List.of())
        .withFilters(List.of(LevelFilter.members("region.province", "Guangdong")))))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.code()).isEqualTo("unknown_member_did_you_mean");
          assertThat(e.args()).contains(GD);
        });
    // ... outside it nothing is: the suggestions never name a member the viewer may not see
    assertThatThrownBy(() -> scoped.execute(CubeQuery.of("revenue", List.of("revenue"), List.of())
        .withFilters(List.of(LevelFilter.members("region.province", "Beijing")))))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).isEqualTo("unknown_member"));
  }

  /** A filter on an ancestor of the scope (Guangdong's macro-region) is answered within the scope. */
  @Test
  void aFilterOnTheScopesAncestorIsTheScopesAnswer() {
    CubeQuery q = CubeQuery.of("revenue", List.of("revenue", "arrears"), List.of("region.city"))
        .withColumns(List.of("time.quarter")).withTotals(true);
    CellSet ancestor = scoped.execute(q.withFilters(List.of(LevelFilter.members("region.macro_region", "south"))));
    assertSameAnswer(ancestor, scoped.execute(q));
    assertThat(ancestor.totals()).filteredOn(t -> t.get("region.city") == null && t.get("time.quarter") == null)
        .singleElement().satisfies(t -> assertThat(((Number) t.get("revenue")).doubleValue()).isEqualTo(500.0));
  }

  @Test
  void churnListsHoldOnlyTheScope() {
    ChurnLists all = new ChurnLists(engine);
    ChurnLists inScope = new ChurnLists(scoped);
    ChurnListQuery month = new ChurnListQuery(202503, null, 100);
    ChurnListQuery gd = new ChurnListQuery(202503, GD, 100);
    List<AtRiskSubscriber> atRisk = inScope.atRisk(month, Language.EN);
    assertThat(atRisk).extracting(AtRiskSubscriber::subscriberId).containsExactly("a", "d");
    assertThat(atRisk).isEqualTo(all.atRisk(gd, Language.EN));
    assertThat(all.atRisk(month, Language.EN)).extracting(AtRiskSubscriber::subscriberId).containsExactly("c", "a", "d");
    List<ChurnedSubscriber> churned = inScope.churned(month, Language.EN);
    assertThat(churned).extracting(ChurnedSubscriber::subscriberId).containsExactly("b");
    assertThat(churned).isEqualTo(all.churned(gd, Language.EN));
    assertThat(all.churned(month, Language.EN)).extracting(ChurnedSubscriber::subscriberId).containsExactly("e", "b");
    // a region outside the scope is refused as such, at any level; one that exists nowhere is unknown
    for (String outside : List.of("110000", "110100", "north")) {
      assertThatThrownBy(() -> inScope.atRisk(new ChurnListQuery(202503, outside, 100), Language.EN))
          .isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.code()).isEqualTo("out_of_scope");
            assertThat(e.field()).isEqualTo("region");
            assertThat(e.args()).containsExactly(outside, "region");
          });
    }
    assertThatThrownBy(() -> inScope.churned(new ChurnListQuery(202503, "110000", 100), Language.EN))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).isEqualTo("out_of_scope"));
    assertThatThrownBy(() -> inScope.atRisk(new ChurnListQuery(202503, "990000", 100), Language.EN))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).isEqualTo("unknown_member"));
    // the scope's macro-region lists the scope's subscribers
    assertThat(inScope.atRisk(new ChurnListQuery(202503, "south", 100), Language.EN)).isEqualTo(atRisk);
    assertThat(inScope.churned(new ChurnListQuery(202503, "south", 100), Language.EN)).isEqualTo(churned);
  }

  @Test
  void theChurnedListReadsHistoryAndTheVersionAtMonthEnd() {
    ChurnedSubscriber b = new ChurnLists(engine).churned(new ChurnListQuery(202503, null, 100), Language.EN).stream()
        .filter(s -> s.subscriberId().equals("b")).findFirst().orElseThrow();
    assertThat(b.arpuBefore()).isEqualTo(45.0);
    assertThat(b.churnDate()).isEqualTo("2025-03-10");
    assertThat(b.msisdn()).isEqualTo("138****0002");
    assertThat(b.segmentBefore().key()).isEqualTo("low");
    assertThat(b.lastSignals()).extracting(MemberRef::key).containsExactly("keep_number");
  }

  private static CubeQuery inGuangdong(CubeQuery q) {
    List<LevelFilter> filters = new ArrayList<>(q.filters());
    filters.add(LevelFilter.members("region.province", GD));
    return q.withFilters(filters);
  }

  private static void assertSameAnswer(CellSet actual, CellSet expected) {
    assertThat(actual.cells()).isEqualTo(expected.cells());
    assertThat(actual.totals()).isEqualTo(expected.totals());
    assertThat(actual.pivot()).isEqualTo(expected.pivot());
    assertThat(actual.periods()).isEqualTo(expected.periods());
    assertThat(actual.columns()).isEqualTo(expected.columns());
  }
}
