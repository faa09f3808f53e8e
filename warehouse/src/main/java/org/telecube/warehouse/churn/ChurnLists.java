package org.telecube.warehouse.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.Enumeration;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.model.Member;
import org.telecube.warehouse.query.MemberRef;
import org.telecube.warehouse.query.QueryEngine;
import org.telecube.warehouse.query.QueryException;
import org.telecube.warehouse.query.ResultRow;
import org.telecube.warehouse.query.SubscriberList;

/**
 * The at-risk list and the churned-customer base, for one month and region: the engine plans and
 * runs them (under its scope, like every answer); this class names the rows' values.
 */
public final class ChurnLists {
  public static final int MAX_LIMIT = 10_000;

  private final QueryEngine engine;
  private final CubeModel model;

  public ChurnLists(QueryEngine engine) {
    this.engine = engine;
    this.model = engine.model();
  }

  /** Active subscribers at risk at the end of the month, by warning score × value score. */
  public List<AtRiskSubscriber> atRisk(ChurnListQuery q, Language language) {
    check(q);
    List<AtRiskSubscriber> out = new ArrayList<>();
    for (ResultRow r : engine.subscribers(list(SubscriberList.Kind.AT_RISK, q))) {
      out.add(new AtRiskSubscriber(out.size() + 1, r.text("subscriber_id"), mask(r.text("msisdn")),
          city(r, language), member("value_segment", r.text("value_segment"), language),
          member("value_tier", r.text("value_tier"), language), number(r.get("value_score")), number(r.get("revenue")),
          (int) number(r.get("tenure_months")), number(r.get("warning_score")), signals(r.text("signals"), language),
          member("warning_type", r.text("warning_type"), language)));
    }
    return out;
  }

  /** Subscribers who churned in the month, with what the win-back team needs to know. */
  public List<ChurnedSubscriber> churned(ChurnListQuery q, Language language) {
    check(q);
    List<ChurnedSubscriber> out = new ArrayList<>();
    for (ResultRow r : engine.subscribers(list(SubscriberList.Kind.CHURNED, q))) {
      Object arpu = r.get("arpu_before");
      Set<String> last = new LinkedHashSet<>();
      last.addAll(codes(r.text("signals_before")));
      last.addAll(codes(r.text("signals")));
      out.add(new ChurnedSubscriber(r.text("subscriber_id"), mask(r.text("msisdn")), city(r, language),
          date(r.get("status_date")), member("churn_reason", r.text("churn_reason"), language),
          (int) number(r.get("tenure_months")), arpu == null ? null : ((Number) arpu).doubleValue(),
          member("value_segment", r.text("segment_before"), language),
          last.stream().map(code -> member("churn_signal", code, language)).toList()));
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

  private static SubscriberList list(SubscriberList.Kind kind, ChurnListQuery q) {
    return new SubscriberList(kind, q.month(), q.region(), q.valueTiers(), q.limit());
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
  }

  /** A date as yyyy-MM-dd, however the driver returns it (a cast to text would need the dialect's charset). */
  private static String date(Object value) {
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    return value == null ? null : value.toString();
  }

  /** A number as the result set held it; null (a missing score) reads as 0, as JDBC's getDouble did. */
  private static double number(Object value) {
    return value == null ? 0 : ((Number) value).doubleValue();
  }

  private static MemberRef city(ResultRow r, Language language) {
    return new MemberRef(r.text("city_code"), r.text(language == Language.EN ? "city_name_en" : "city_name_zh"));
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
