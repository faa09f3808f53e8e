package org.telecube.warehouse.churn;

import java.util.List;
import org.telecube.warehouse.query.MemberRef;

/**
 * An active subscriber with churn warnings, ranked by warning score × value score.
 *
 * @param msisdn masked, e.g. 138****1234
 * @param arpu the month's revenue
 * @param signals the signals that fired, with captions
 * @param action the suggested retention action: care (关怀类) or marketing (营销类)
 */
public record AtRiskSubscriber(int rank, String subscriberId, String msisdn, MemberRef city, MemberRef segment,
                               MemberRef valueTier, double valueScore, double arpu, int tenureMonths,
                               double warningScore, List<MemberRef> signals, MemberRef action) {
}
