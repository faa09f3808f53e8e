package org.telecube.warehouse.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.DateString;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.DimensionUsage;
import org.telecube.warehouse.model.Level;

/**
 * Plans detail rows of the subscriber facts (the churn lists) with RelBuilder, like the cube plans
 * and under the same scope: fact ⋈ its region ⋈ the subscriber's version valid at month end (a
 * literal day, so no backend's date functions are needed).
 */
final class ListPlanner {
  static final String FACT = "fact_subscriber_month";
  private static final List<String> REGION_LEVELS = List.of("city", "province", "macro_region");

  private final QueryPlanner planner;

  ListPlanner(QueryPlanner planner) {
    this.planner = planner;
  }

  PlannedStatement plan(SubscriberList list) {
    return list.kind() == SubscriberList.Kind.AT_RISK ? atRisk(list) : churned(list);
  }

  /** One row when {@code region} is a city, province or macro-region inside the scope. */
  PlannedStatement regionExists(String region) {
    DimensionUsage usage = region();
    RelBuilder b = planner.catalog().builder();
    b.scan(usage.table()).as("r");
    List<RexNode> conditions = new ArrayList<>();
    conditions.add(regionCondition(b, usage, region));
    scopeCondition(b, usage).ifPresent(conditions::add);
    b.filter(conditions);
    b.project(b.literal(1));
    b.limit(0, 1);
    return planner.statement("region check", b.build(), RowLayout.detail(List.of("found")));
  }

  /** One row when the month holds subscriber facts. */
  PlannedStatement monthExists(int month) {
    RelBuilder b = planner.catalog().builder();
    b.scan(FACT);
    b.filter(b.equals(b.field("month_key"), b.literal(month)));
    b.project(b.literal(1));
    b.limit(0, 1);
    return planner.statement("month check", b.build(), RowLayout.detail(List.of("found")));
  }

  private PlannedStatement atRisk(SubscriberList q) {
    RelBuilder b = planner.catalog().builder();
    DimensionUsage usage = region();
    b.scan(FACT).as("f");
    joinRegionAndVersion(b, usage, q.month());
    List<RexNode> conditions = new ArrayList<>();
    conditions.add(b.equals(b.field("f", "month_key"), b.literal(q.month())));
    conditions.add(b.equals(b.field("f", "at_risk"), b.literal(1)));
    common(b, usage, q, conditions);
    b.filter(conditions);
    b.project(List.of(b.field("f", "subscriber_id"), b.field("v", "msisdn"), b.field("f", "city_code"),
        b.field("r", "city_name_zh"), b.field("r", "city_name_en"), b.field("f", "value_segment"),
        b.field("f", "value_tier"), b.field("f", "value_score"), b.field("f", "revenue"), b.field("f", "tenure_months"),
        b.field("f", "warning_score"), b.field("f", "signals"), b.field("f", "warning_type"),
        b.call(SqlStdOperatorTable.MULTIPLY, b.field("f", "warning_score"), b.field("f", "value_score"))),
        concat(SubscriberList.AT_RISK_COLUMNS, "rank_"), true);
    b.sortLimit(-1, q.limit(), List.of(b.nullsLast(b.desc(b.field("rank_"))), b.nullsLast(b.field("subscriber_id"))));
    b.project(fields(b, SubscriberList.AT_RISK_COLUMNS));
    return planner.statement("at-risk list", b.build(), RowLayout.detail(SubscriberList.AT_RISK_COLUMNS)
        .withUnitScale("revenue", revenueScale()));
  }

  private PlannedStatement churned(SubscriberList q) {
    RelBuilder b = planner.catalog().builder();
    DimensionUsage usage = region();
    // the churned subscribers' history up to the month: revenue of the three months before, and
    // the segment and signals of the month before
    b.scan(FACT);
    b.filter(b.lessThanOrEqual(b.field("month_key"), b.literal(q.month())));
    b.scan(FACT);
    b.filter(b.equals(b.field("month_key"), b.literal(q.month())), b.equals(b.field("is_churned"), b.literal(1)));
    b.aggregate(b.groupKey(b.field("subscriber_id")));
    // an inner join to the distinct ids rather than a semi-join (EXISTS), which Druid cannot run
    b.join(JoinRelType.INNER, b.equals(b.field(2, 0, "subscriber_id"), b.field(2, 1, "subscriber_id")));
    b.project(b.fields().subList(0, b.peek().getRowType().getFieldCount() - 1));
    RexNode id = b.field("subscriber_id");
    RexNode month = b.field("month_key");
    b.project(List.of(id, month,
        // an average of whole cents must not be an integer division (Druid's AVG of a long)
        b.aggregateCall(SqlStdOperatorTable.AVG, revenueScale() == 0 ? b.field("revenue")
                : b.cast(b.field("revenue"), SqlTypeName.DOUBLE)).over().partitionBy(id).orderBy(month)
            .rowsBetween(RexWindowBounds.preceding(b.literal(3)), RexWindowBounds.preceding(b.literal(1))).toRex(),
        b.aggregateCall(SqlStdOperatorTable.LAG, b.field("value_segment")).over().partitionBy(id).orderBy(month).toRex(),
        b.aggregateCall(SqlStdOperatorTable.LAG, b.field("signals")).over().partitionBy(id).orderBy(month).toRex()),
        List.of("subscriber_id", "month_key", "arpu_before", "segment_before", "signals_before"), true);
    RelNode history = b.build();
    b.scan(FACT).as("f");
    b.push(history).as("h");
    b.join(JoinRelType.INNER, b.and(b.equals(b.field(2, "f", "subscriber_id"), b.field(2, "h", "subscriber_id")),
        b.equals(b.field(2, "f", "month_key"), b.field(2, "h", "month_key"))));
    joinRegionAndVersion(b, usage, q.month());
    List<RexNode> conditions = new ArrayList<>();
    conditions.add(b.equals(b.field("f", "month_key"), b.literal(q.month())));
    conditions.add(b.equals(b.field("f", "is_churned"), b.literal(1)));
    common(b, usage, q, conditions);
    b.filter(conditions);
    b.project(List.of(b.field("f", "subscriber_id"), b.field("v", "msisdn"), b.field("f", "city_code"),
        b.field("r", "city_name_zh"), b.field("r", "city_name_en"),
        b.field("v", "status_date"), b.field("f", "churn_reason"),
        b.field("f", "tenure_months"), b.field("h", "arpu_before"), b.field("h", "segment_before"),
        b.field("h", "signals_before"), b.field("f", "signals")), SubscriberList.CHURNED_COLUMNS, true);
    b.sortLimit(-1, q.limit(), List.of(b.nullsLast(b.desc(b.field("arpu_before"))), b.nullsLast(b.field("subscriber_id"))));
    return planner.statement("churned list", b.build(), RowLayout.detail(SubscriberList.CHURNED_COLUMNS)
        .withUnitScale("arpu_before", revenueScale()));
  }

  /** Non-zero when the backend keeps revenue in whole cents. */
  private int revenueScale() {
    return planner.catalog().unitScale(FACT, "revenue");
  }

  /**
   * Joins the region as {@code r} and the subscriber's version valid at the end of {@code month}
   * as {@code v}. The versions are filtered to that day before the join, so the join is on the
   * subscriber alone: every backend runs an equi-join (Druid runs no other).
   */
  private void joinRegionAndVersion(RelBuilder b, DimensionUsage usage, int month) {
    b.scan(usage.table()).as("r");
    b.join(JoinRelType.LEFT, b.equals(b.field(2, "f", usage.foreignKey()), b.field(2, "r", usage.key())));
    b.scan("dim_subscriber");
    RexNode monthEnd = dateLiteral(b, b.field("valid_from"), YearMonth.of(month / 100, month % 100).atEndOfMonth());
    b.filter(b.lessThanOrEqual(b.field("valid_from"), monthEnd), b.greaterThanOrEqual(b.field("valid_to"), monthEnd));
    b.as("v");
    b.join(JoinRelType.LEFT, b.equals(b.field(2, "f", "subscriber_id"), b.field(2, "v", "subscriber_id")));
  }

  /** {@code day} as a literal comparable with {@code column}: a DATE, or ISO text where dates are kept as text. */
  private static RexNode dateLiteral(RelBuilder b, RexNode column, LocalDate day) {
    return column.getType().getSqlTypeName() == SqlTypeName.DATE
        ? b.getRexBuilder().makeDateLiteral(new DateString(day.getYear(), day.getMonthValue(), day.getDayOfMonth()))
        : QueryPlanner.text(b, day.toString());
  }

  /** The region asked for, the value tiers and the scope. */
  private void common(RelBuilder b, DimensionUsage usage, SubscriberList q, List<RexNode> conditions) {
    if (q.region() != null) {
      conditions.add(regionCondition(b, usage, q.region()));
    }
    if (!q.valueTiers().isEmpty()) {
      conditions.add(b.in(b.field("f", "value_tier"),
          q.valueTiers().stream().map(t -> QueryPlanner.text(b, t)).toList()));
    }
    scopeCondition(b, usage).ifPresent(conditions::add);
  }

  /** A region key matches a city, a province or a macro-region. */
  private static RexNode regionCondition(RelBuilder b, DimensionUsage usage, String region) {
    List<RexNode> any = new ArrayList<>();
    for (Level l : usage.levels()) {
      if (REGION_LEVELS.contains(l.name())) {
        any.add(b.equals(b.field("r", l.keyColumn()), QueryPlanner.text(b, region)));
      }
    }
    return b.or(any);
  }

  private java.util.Optional<RexNode> scopeCondition(RelBuilder b, DimensionUsage usage) {
    if (planner.scope().isAll()) {
      return java.util.Optional.empty();
    }
    if (!usage.name().equals(planner.scope().dimension())) {
      // the lists join no other dimension the scope could restrict
      throw planner.scopeNotApplicable("the subscriber lists");
    }
    ResolvedLevel level = planner.scopeLevel(usage);
    return java.util.Optional.of(b.in(b.field("r", level.level().keyColumn()),
        planner.scope().keyList().stream().map(k -> QueryPlanner.text(b, k)).toList()));
  }

  /** The region dimension as the subscriber cube joins it. */
  private DimensionUsage region() {
    return subscriberCube().dimension("region").orElseThrow(() ->
        new IllegalStateException("the subscriber cube has no region dimension"));
  }

  private Cube subscriberCube() {
    return planner.model().cubes().stream().filter(c -> c.factTable().equals(FACT)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no cube reads " + FACT));
  }

  private static List<RexNode> fields(RelBuilder b, List<String> names) {
    return names.stream().map(n -> (RexNode) b.field(n)).toList();
  }

  private static List<String> concat(List<String> a, String b) {
    List<String> out = new ArrayList<>(a);
    out.add(b);
    return out;
  }
}
