package org.telecube.etl.derive;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.telecube.backend.duckdb.StarSchema;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.ModelLoader;
import org.telecube.warehouse.schema.AggregateTables;

/**
 * Derives the star after a batch changed stg_* / ref_*, on the batch's connection and inside its
 * transaction, and says what changed ({@link DerivedChanges}).
 *
 * <ul>
 *   <li>Reference data changed: dimensions, dim_subscriber and every fact are rebuilt, the
 *       customer analysis rerun over every month. So is all but the dimensions on a first load
 *       of snapshots (no history yet).</li>
 *   <li>Otherwise each fact is derived again for the months the batch loaded rows of
 *       (fact_subscriber_month follows billing, since its revenue does, plus months of its range
 *       it has no rows for yet); subscribers whose snapshots changed get their history rebuilt
 *       and their facts derived again from the first month that can differ
 *       ({@link SubscriberHistory#rebuildChanged}).</li>
 *   <li>The customer analysis runs from the earliest month whose inputs changed (subscriber
 *       months, service events, the due dates of bills); usage does not feed it.</li>
 * </ul>
 */
public final class Derivation {
  private Derivation() {
  }

  /** @param progress told each step as it starts ("fact_billing", "customer analysis from 202611", ...) */
  public static DerivedChanges run(Connection connection, DerivationScope scope, Consumer<String> progress)
      throws SQLException {
    DerivedChanges changes = derive(connection, scope, progress);
    return refreshAggregates(connection, changes, progress);
  }

  /**
   * After the customer analysis ran on its own (new settings or weights): it restamped every month
   * of fact_billing and fact_subscriber_month, so their aggregate tables are rebuilt whole.
   */
  public static void refreshAnalysedAggregates(Connection connection) throws SQLException {
    CubeModel model = ModelLoader.shipped();
    AggregateTables.refresh(connection, model, "fact_billing", null);
    AggregateTables.refresh(connection, model, "fact_subscriber_month", null);
  }

  /**
   * Each fact's aggregate tables follow exactly the months of the fact that changed (whole when
   * the fact changed whole); an aggregate newly declared in the model is built whole.
   */
  private static DerivedChanges refreshAggregates(Connection connection, DerivedChanges changes,
                                                  Consumer<String> progress) throws SQLException {
    if (changes.changedNothing()) {
      return changes;
    }
    progress.accept("aggregate tables");
    CubeModel model = ModelLoader.shipped();
    for (String fact : DerivedChanges.FACTS) {
      AggregateTables.refresh(connection, model, fact, changes.monthsOrNull(fact));
    }
    List<String> steps = new ArrayList<>(changes.steps());
    steps.add("aggregates");
    return new DerivedChanges(steps, changes.months(), changes.whole());
  }

  private static DerivedChanges derive(Connection connection, DerivationScope scope, Consumer<String> progress)
      throws SQLException {
    // the temporary tables the history leaves are dropped by the batch once it succeeds; a failed
    // statement aborts the transaction, so dropping them here would fail too and hide why
    DerivedChanges.Builder changes = new DerivedChanges.Builder();
    // with no history yet (a first load) every subscriber is new: rebuilding all is the same, and faster
    if (scope.referenceChanged() || (scope.subscribersChanged() && historyEmpty(connection))) {
      return rebuildEverything(connection, changes, scope.referenceChanged(), progress);
    }
    // the history first: every fact reads the subscriber's version as of its date
    if (scope.subscribersChanged()) {
      progress.accept("subscriber history");
    }
    long subscribers = scope.subscribersChanged() ? SubscriberHistory.rebuildChanged(connection) : 0;
    if (subscribers > 0) {
      changes.step("dim_subscriber (" + subscribers + " subscriber" + (subscribers == 1 ? "" : "s") + ")")
          .whole("dim_subscriber");
    }
    SortedSet<Integer> subscriberMonths = new TreeSet<>(scope.billingMonths());
    subscriberMonths.addAll(monthsMissingFromSubscriberMonth(connection));
    deriveMonths(connection, scope, subscriberMonths, changes, progress);
    if (subscribers > 0) {
      progress.accept("the facts of the changed subscribers");
      deriveSubscribers(connection, scope, subscriberMonths, changes);
    }
    SortedSet<Integer> analysisInputs = changes.monthsOf("fact_subscriber_month");
    analysisInputs.addAll(scope.eventMonths());
    analysisInputs.addAll(scope.dueMonths());
    if (!analysisInputs.isEmpty()) {
      progress.accept("customer analysis from " + analysisInputs.first());
      analyse(CustomerAnalysis.runFrom(connection, analysisInputs.first()), changes);
    } else if (!changes.build().changedNothing() && CustomerAnalysis.settingsChanged(connection)) {
      // new settings take effect with the next batch, whatever it loaded
      progress.accept("customer analysis");
      analyse(CustomerAnalysis.run(connection), changes);
    }
    return changes.build();
  }

  private static boolean historyEmpty(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM dim_subscriber)")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private static DerivedChanges rebuildEverything(Connection connection, DerivedChanges.Builder changes,
                                                  boolean dimensions, Consumer<String> progress) throws SQLException {
    if (dimensions) {
      progress.accept("dimensions");
      StarSchema.rebuildDimensions(connection);
      changes.step("dimensions");
    }
    progress.accept("subscriber history");
    SubscriberHistory.rebuild(connection);
    changes.step("dim_subscriber").whole("dim_subscriber");
    progress.accept("fact_billing");
    FactTables.billing(connection, null);
    progress.accept("fact_usage");
    FactTables.usage(connection, null);
    progress.accept("fact_service_event");
    FactTables.serviceEvents(connection, null);
    progress.accept("fact_subscriber_month");
    FactTables.subscriberMonth(connection, null);
    changes.step("all facts");
    DerivedChanges.FACTS.forEach(changes::whole);
    progress.accept("customer analysis");
    CustomerAnalysis.run(connection);
    changes.step("customer analysis");
    return changes.build();
  }

  /** Whole months: the months of the rows the batch loaded. */
  private static void deriveMonths(Connection connection, DerivationScope scope, SortedSet<Integer> subscriberMonths,
                                   DerivedChanges.Builder changes, Consumer<String> progress) throws SQLException {
    if (!scope.billingMonths().isEmpty()) {
      progress.accept("fact_billing");
      FactTables.billing(connection, scope.billingMonths());
      changes.step("fact_billing " + DerivationScope.inList(scope.billingMonths()))
          .months("fact_billing", scope.billingMonths());
    }
    if (!scope.usageMonths().isEmpty()) {
      progress.accept("fact_usage");
      // by day when the days are known: a one-day batch derives one day
      if (scope.usageDays().isEmpty()) {
        FactTables.usage(connection, scope.usageMonths());
      } else {
        FactTables.usageDays(connection, scope.usageDays());
      }
      changes.step("fact_usage " + DerivationScope.inList(scope.usageMonths())
              + (scope.usageDays().size() == 1 ? " (" + scope.usageDays().first() + ")" : ""))
          .months("fact_usage", scope.usageMonths());
    }
    if (!scope.eventMonths().isEmpty()) {
      progress.accept("fact_service_event");
      FactTables.serviceEvents(connection, scope.eventMonths());
      changes.step("fact_service_event " + DerivationScope.inList(scope.eventMonths()))
          .months("fact_service_event", scope.eventMonths());
    }
    if (!subscriberMonths.isEmpty()) {
      progress.accept("fact_subscriber_month");
      FactTables.subscriberMonth(connection, subscriberMonths);
      changes.step("fact_subscriber_month " + DerivationScope.inList(subscriberMonths))
          .months("fact_subscriber_month", subscriberMonths);
    }
  }

  /**
   * The facts of the subscribers whose history changed ({@link SubscriberHistory#SCOPE}), from
   * each one's first changed month, in the months not derived whole.
   */
  private static void deriveSubscribers(Connection connection, DerivationScope scope,
                                        SortedSet<Integer> subscriberMonths, DerivedChanges.Builder changes)
      throws SQLException {
    derive(connection, "fact_billing", scope.billingMonths(), changes);
    // usage derived by day: leave out those days rather than their months
    SortedSet<Integer> usageMonths = scope.usageDays().isEmpty() ? scope.usageMonths() : new TreeSet<>();
    SortedSet<Integer> months = FactTables.forSubscribers(connection, "fact_usage", usageMonths, scope.usageDays());
    if (!months.isEmpty()) {
      changes.step("fact_usage of those subscribers " + DerivationScope.inList(months)).months("fact_usage", months);
    }
    derive(connection, "fact_service_event", scope.eventMonths(), changes);
    derive(connection, "fact_subscriber_month", subscriberMonths, changes);
  }

  private static void derive(Connection connection, String fact, SortedSet<Integer> derivedWhole,
                             DerivedChanges.Builder changes) throws SQLException {
    SortedSet<Integer> months = FactTables.forSubscribers(connection, fact, derivedWhole);
    if (!months.isEmpty()) {
      changes.step(fact + " of those subscribers " + DerivationScope.inList(months)).months(fact, months);
    }
  }

  private static void analyse(CustomerAnalysis.Result result, DerivedChanges.Builder changes) {
    changes.step(result.from() == 0 ? "customer analysis" : "customer analysis from " + result.from());
    if (result.rescored()) {
      changes.step("warning scores rescored (weights changed)");
    }
    changes.months("fact_subscriber_month", result.subscriberMonths());
    changes.months("fact_billing", result.billingMonths());
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
