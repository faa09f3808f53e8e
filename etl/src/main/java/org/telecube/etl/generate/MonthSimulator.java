package org.telecube.etl.generate;

import org.telecube.etl.generate.Codes.Status;

/**
 * Runs one subscriber through one month, in the order things depend on each other: status
 * changes at the start of the month, chance events and charges, the churn decision (which sees
 * them), planted signals (which follow from it), then the four feeds' rows.
 */
final class MonthSimulator {
  private final long seed;
  private final SubscriberTable t;
  private final PlanCatalog catalog;
  private final Lifecycle lifecycle;
  private final ChurnModel churn;
  private final BillingModel billing;
  private final UsageModel usage;
  private final EventModel events;
  private final SnapshotModel snapshot;
  private final SubscriberMonth x = new SubscriberMonth();

  MonthSimulator(long seed, SubscriberTable table, PlanCatalog catalog, Lifecycle lifecycle,
                 ChurnModel churn, BillingModel billing, UsageModel usage, EventModel events,
                 SnapshotModel snapshot) {
    this.seed = seed;
    this.t = table;
    this.catalog = catalog;
    this.lifecycle = lifecycle;
    this.churn = churn;
    this.billing = billing;
    this.usage = usage;
    this.events = events;
    this.snapshot = snapshot;
  }

  /** Whether the subscriber belongs in this month's files (joined by its end, not gone before it). */
  boolean inMonth(int s, MonthInfo mo) {
    return t.joinDate[s] <= mo.lastDay()
        && !(t.status[s] == Status.CHURNED.ordinal() && t.statusDate[s] < mo.firstDay());
  }

  /** Simulates and writes one subscriber-month; returns whether the subscriber is still in the base. */
  boolean run(int s, MonthInfo mo, Chunk out) {
    x.reset(s, Formats.id("S", s + 1), mo, Seeds.subscriberMonth(seed, s, mo.index()),
        catalog.plan(t.plan[s]), t.joinDate[s]);
    lifecycle.startOfMonth(x);
    events.drawBackground(x);
    lifecycle.afterEvents(x);
    billing.draft(x);
    churn.consider(x);
    churn.plant(x);
    billing.settle(x, out.rows(Feed.BILLING));
    usage.write(x, out.rows(Feed.USAGE));
    events.write(x, out.rows(Feed.SERVICE_EVENTS));
    snapshot.write(x, out.rows(Feed.SUBSCRIBERS));
    return t.status[s] != Status.CHURNED.ordinal();
  }
}
