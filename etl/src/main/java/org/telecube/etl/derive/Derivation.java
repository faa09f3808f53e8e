package org.telecube.etl.derive;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.telecube.backend.duckdb.StarSchema;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.ModelLoader;
import org.telecube.warehouse.schema.AggregateTables;

/**
 * Derives the star after a batch changed stg_* / ref_*, on the batch's connection and inside its
 * transaction. When reference data or subscribers changed, every fact is rebuilt fully; otherwise
 * only the months the batch touched, per fact (fact_subscriber_month follows billing, since its
 * revenue does, plus months of its range it has no rows for yet). The model's aggregate tables
 * are refreshed last, from the facts as they now stand.
 */
public final class Derivation {
  private Derivation() {
  }

  /** Runs the derivation and returns what it did, one short phrase per step, for the batch note. */
  public static List<String> run(Connection connection, DerivationScope scope) throws SQLException {
    List<String> done = new ArrayList<>();
    if (scope.referenceChanged()) {
      StarSchema.rebuildDimensions(connection);
      done.add("dimensions");
    }
    if (scope.subscribersChanged()) {
      SubscriberHistory.rebuild(connection);
      done.add("dim_subscriber");
    }
    if (scope.fullRebuild()) {
      FactTables.billing(connection, null);
      FactTables.usage(connection, null);
      FactTables.serviceEvents(connection, null);
      FactTables.subscriberMonth(connection, null);
      done.add("all facts");
      CustomerAnalysis.run(connection);
      done.add("customer analysis");
      refreshAggregates(connection, null, null, null);
      done.add("aggregates");
      return done;
    }
    if (!scope.billingMonths().isEmpty()) {
      FactTables.billing(connection, scope.billingMonths());
      done.add("fact_billing " + DerivationScope.inList(scope.billingMonths()));
    }
    if (!scope.usageMonths().isEmpty()) {
      FactTables.usage(connection, scope.usageMonths());
      done.add("fact_usage " + DerivationScope.inList(scope.usageMonths()));
    }
    if (!scope.eventMonths().isEmpty()) {
      FactTables.serviceEvents(connection, scope.eventMonths());
      done.add("fact_service_event " + DerivationScope.inList(scope.eventMonths()));
    }
    SortedSet<Integer> subscriberMonths = new TreeSet<>(scope.billingMonths());
    subscriberMonths.addAll(monthsMissingFromSubscriberMonth(connection));
    if (!subscriberMonths.isEmpty()) {
      FactTables.subscriberMonth(connection, subscriberMonths);
      done.add("fact_subscriber_month " + DerivationScope.inList(subscriberMonths));
    }
    if (!done.isEmpty()) {
      // segments, stages and warnings look across months, so they are recomputed in full
      CustomerAnalysis.run(connection);
      done.add("customer analysis");
      refreshAggregates(connection, null, scope.usageMonths(), scope.eventMonths());
      done.add("aggregates");
    }
    return done;
  }

  /**
   * After the customer analysis ran on its own (new settings or weights): it restamped every month
   * of fact_billing and fact_subscriber_month, so their aggregate tables are rebuilt whole.
   */
  public static void refreshAnalysedAggregates(Connection connection) throws SQLException {
    refreshAggregates(connection, null, List.of(), List.of());
  }

  /**
   * Refreshes each fact's aggregate tables: billing's and subscriber-month's whole (the customer
   * analysis restamps every month of both), usage's and service events' for their months (null:
   * whole), one call per fact so that a narrower set of months can be fed in per fact.
   */
  private static void refreshAggregates(Connection connection, Collection<Integer> billingMonths,
                                        Collection<Integer> usageMonths,
                                        Collection<Integer> eventMonths) throws SQLException {
    CubeModel model = ModelLoader.shipped();
    AggregateTables.refresh(connection, model, "fact_billing", billingMonths);
    AggregateTables.refresh(connection, model, "fact_subscriber_month", billingMonths);
    AggregateTables.refresh(connection, model, "fact_usage", usageMonths);
    AggregateTables.refresh(connection, model, "fact_service_event", eventMonths);
  }

  private static SortedSet<Integer> monthsMissingFromSubscriberMonth(Connection connection) throws SQLException {
    SortedSet<Integer> missing = FactTables.subscriberMonthRange(connection);
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT DISTINCT month_key FROM fact_subscriber_month")) {
      while (rs.next()) {
        missing.remove(rs.getInt(1));
      }
    }
    return missing;
  }
}
