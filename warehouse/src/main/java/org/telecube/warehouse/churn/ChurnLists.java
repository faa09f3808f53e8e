package org.telecube.warehouse.churn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.Enumeration;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.model.Member;
import org.telecube.warehouse.query.MemberRef;
import org.telecube.warehouse.query.QueryException;

/** The at-risk list and the churned-customer base, for one month and region. */
public final class ChurnLists {
  public static final int MAX_LIMIT = 10_000;

  private static final String REGION = "(CAST(? AS VARCHAR) IS NULL OR r.city_code = ? OR r.province_code = ? OR r.macro_region = ?)";
  private static final String VERSION_AT_MONTH_END = "LEFT JOIN dim_subscriber v ON v.subscriber_id = f.subscriber_id"
      + " AND last_day(make_date(f.month_key // 100, f.month_key % 100, 1)) BETWEEN v.valid_from AND v.valid_to";

  private final DataSource dataSource;
  private final CubeModel model;

  public ChurnLists(DataSource dataSource, CubeModel model) {
    this.dataSource = dataSource;
    this.model = model;
  }

  /** Active subscribers at risk at the end of the month, by warning score × value score. */
  public List<AtRiskSubscriber> atRisk(ChurnListQuery q, Language language) {
    check(q);
    String sql = "SELECT f.subscriber_id, v.msisdn, f.city_code, r.city_name_zh, r.city_name_en, f.value_segment,"
        + " f.value_tier, f.value_score, f.revenue, f.tenure_months, f.warning_score, f.signals, f.warning_type"
        + " FROM fact_subscriber_month f LEFT JOIN dim_region r ON r.city_code = f.city_code " + VERSION_AT_MONTH_END
        + " WHERE f.month_key = ? AND f.at_risk = 1 AND " + REGION + tiers(q)
        + " ORDER BY f.warning_score * f.value_score DESC, f.subscriber_id LIMIT ?";
    List<AtRiskSubscriber> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, q);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new AtRiskSubscriber(out.size() + 1, rs.getString(1), mask(rs.getString(2)),
              city(rs, 3, language), member("value_segment", rs.getString(6), language),
              member("value_tier", rs.getString(7), language), rs.getDouble(8), rs.getDouble(9), rs.getInt(10),
              rs.getDouble(11), signals(rs.getString(12), language), member("warning_type", rs.getString(13), language)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the at-risk list: " + e.getMessage(), e);
    }
    return out;
  }

  /** Subscribers who churned in the month, with what the win-back team needs to know. */
  public List<ChurnedSubscriber> churned(ChurnListQuery q, Language language) {
    check(q);
    String sql = "WITH history AS (SELECT subscriber_id, month_key, revenue, value_segment, signals,"
        + "   avg(revenue) OVER (PARTITION BY subscriber_id ORDER BY month_key ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) AS arpu_before,"
        + "   lag(value_segment) OVER (PARTITION BY subscriber_id ORDER BY month_key) AS segment_before,"
        + "   lag(signals) OVER (PARTITION BY subscriber_id ORDER BY month_key) AS signals_before"
        + " FROM fact_subscriber_month WHERE month_key <= ? AND subscriber_id IN"
        + "   (SELECT subscriber_id FROM fact_subscriber_month WHERE month_key = ? AND is_churned = 1))"
        + " SELECT f.subscriber_id, v.msisdn, f.city_code, r.city_name_zh, r.city_name_en, CAST(v.status_date AS VARCHAR),"
        + " f.churn_reason, f.tenure_months, h.arpu_before, h.segment_before, h.signals_before, f.signals"
        + " FROM fact_subscriber_month f JOIN history h ON h.subscriber_id = f.subscriber_id AND h.month_key = f.month_key"
        + " LEFT JOIN dim_region r ON r.city_code = f.city_code " + VERSION_AT_MONTH_END
        + " WHERE f.month_key = ? AND f.is_churned = 1 AND " + REGION + tiers(q)
        + " ORDER BY h.arpu_before DESC NULLS LAST, f.subscriber_id LIMIT ?";
    List<ChurnedSubscriber> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, q.month());
      ps.setInt(2, q.month());
      bind(ps, q, 3);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object arpu = rs.getObject(9);
          Set<String> last = new LinkedHashSet<>();
          last.addAll(codes(rs.getString(11)));
          last.addAll(codes(rs.getString(12)));
          out.add(new ChurnedSubscriber(rs.getString(1), mask(rs.getString(2)), city(rs, 3, language), rs.getString(6),
              member("churn_reason", rs.getString(7), language), rs.getInt(8),
              arpu == null ? null : ((Number) arpu).doubleValue(), member("value_segment", rs.getString(10), language),
              last.stream().map(code -> member("churn_signal", code, language)).toList()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the churned-customer base: " + e.getMessage(), e);
    }
    return out;
  }

  /** 13812341234 → 138****1234; anything shorter than 8 characters is hidden entirely. */
  static String mask(String msisdn) {
    if (msisdn == null || msisdn.isBlank()) {
      return null;
    }
    return msisdn.length() < 8 ? "****" : msisdn.substring(0, 3) + "****" + msisdn.substring(msisdn.length() - 4);
  }

  private void check(ChurnListQuery q) {
    if (q.limit() < 1 || q.limit() > MAX_LIMIT) {
      throw new QueryException("limit", "bad_limit", "limit must be between 1 and " + MAX_LIMIT, MAX_LIMIT);
    }
    List<String> known = model.enumeration("value_tier").map(Enumeration::members).orElse(List.of()).stream()
        .map(Member::code).toList();
    for (String tier : q.valueTiers()) {
      if (!known.contains(tier)) {
        throw new QueryException("valueTier", "unknown_member", "unknown value tier \"" + tier + "\": one of " + known);
      }
    }
    try (Connection c = dataSource.getConnection()) {
      if (q.region() != null && !exists(c, "SELECT 1 FROM dim_region WHERE city_code = ? OR province_code = ? OR macro_region = ? LIMIT 1",
          q.region(), q.region(), q.region())) {
        throw new QueryException("region", "unknown_member", "unknown region \"" + q.region()
            + "\": a city, province or macro-region key", q.region(), "region");
      }
      if (!exists(c, "SELECT 1 FROM fact_subscriber_month WHERE month_key = ? LIMIT 1", q.month())) {
        throw new QueryException("month", "no_data", "no subscriber data for " + (q.month() / 100) + "-"
            + String.format(java.util.Locale.ROOT, "%02d", q.month() % 100),
            (q.month() / 100) + "-" + String.format(java.util.Locale.ROOT, "%02d", q.month() % 100));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static boolean exists(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void bind(PreparedStatement ps, ChurnListQuery q) throws SQLException {
    bind(ps, q, 1);
  }

  private static void bind(PreparedStatement ps, ChurnListQuery q, int first) throws SQLException {
    ps.setInt(first, q.month());
    for (int i = 1; i <= 4; i++) {
      ps.setString(first + i, q.region());
    }
    int next = first + 5;
    for (String tier : q.valueTiers()) {
      ps.setString(next++, tier);
    }
    ps.setInt(next, q.limit());
  }

  /** The value-tier condition, one bound parameter per tier; nothing for every tier. */
  private static String tiers(ChurnListQuery q) {
    return q.valueTiers().isEmpty() ? ""
        : " AND f.value_tier IN (" + String.join(", ", java.util.Collections.nCopies(q.valueTiers().size(), "?")) + ")";
  }

  private static MemberRef city(ResultSet rs, int column, Language language) throws SQLException {
    return new MemberRef(rs.getString(column), rs.getString(language == Language.EN ? column + 2 : column + 1));
  }

  private List<MemberRef> signals(String list, Language language) {
    return codes(list).stream().map(code -> member("churn_signal", code, language)).toList();
  }

  private static List<String> codes(String list) {
    return list == null || list.isBlank() ? List.of() : Arrays.asList(list.split(","));
  }

  private MemberRef member(String enumeration, String code, Language language) {
    if (code == null) {
      return null;
    }
    Map<String, Member> members = model.enumeration(enumeration).map(Enumeration::members).orElse(List.of())
        .stream().collect(Collectors.toMap(Member::code, Function.identity()));
    Member m = members.get(code);
    return new MemberRef(code, m == null ? code : m.caption().in(language));
  }
}
