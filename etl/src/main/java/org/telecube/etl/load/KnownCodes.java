package org.telecube.etl.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.telecube.etl.feed.CodeSet;
import org.telecube.etl.feed.Column;
import org.telecube.etl.feed.FeedKind;
import org.telecube.etl.feed.FieldType;
import org.telecube.etl.feed.ValidationContext;

/**
 * The codes validation checks against, read from the batch's connection (so they include what
 * the batch itself has merged so far) when first needed. Subscriber ids accepted earlier in the
 * batch are added as they are read.
 */
final class KnownCodes implements ValidationContext {
  private final Connection connection;
  private final int currentYear;
  private final Map<CodeSet, Set<String>> sets = new EnumMap<>(CodeSet.class);

  KnownCodes(Connection connection, int currentYear) {
    this.connection = connection;
    this.currentYear = currentYear;
  }

  @Override
  public boolean contains(CodeSet set, String code) {
    return sets.computeIfAbsent(set, this::load).contains(code);
  }

  @Override
  public int currentYear() {
    return currentYear;
  }

  /**
   * Reads now every set the feed's rows are checked against or add to: while its rows are staged
   * the connection belongs to the appending thread, and validation runs on another.
   */
  void prepare(FeedKind kind) {
    for (Column c : kind.columns()) {
      if (c.type() instanceof FieldType.Known k) {
        sets.computeIfAbsent(k.set(), this::load);
      }
    }
    if (kind == FeedKind.SUBSCRIBERS) {
      sets.computeIfAbsent(CodeSet.SUBSCRIBER, this::load);
    }
  }

  /** A subscriber id accepted in this batch: facts later in the batch may refer to it. */
  void addSubscriber(String subscriberId) {
    sets.computeIfAbsent(CodeSet.SUBSCRIBER, this::load).add(subscriberId);
  }

  /** Reference tables changed: reload cities, org units and plans when next needed. */
  void referenceChanged() {
    sets.remove(CodeSet.CITY);
    sets.remove(CodeSet.ORG_UNIT);
    sets.remove(CodeSet.PLAN);
  }

  private Set<String> load(CodeSet set) {
    String sql = switch (set) {
      case CITY -> "SELECT code FROM ref_region WHERE level = 'city'";
      case ORG_UNIT -> "SELECT org_code FROM ref_org_unit";
      case PLAN -> "SELECT plan_code FROM ref_product";
      case SUBSCRIBER -> "SELECT DISTINCT subscriber_id FROM stg_subscriber";
    };
    Set<String> codes = new HashSet<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        codes.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new UncheckedSqlException(e);
    }
    return codes;
  }
}
