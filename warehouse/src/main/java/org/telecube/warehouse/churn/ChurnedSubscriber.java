package org.telecube.warehouse.churn;

import java.util.List;
import org.telecube.warehouse.query.MemberRef;

/**
 * A subscriber who churned in the month, as the win-back team needs it.
 *
 * @param tenureMonths tenure when leaving
 * @param arpuBefore average monthly revenue of the three months before the churn month
 * @param segmentBefore value segment in the month before churning
 * @param lastSignals signals of the month before churning and of the churn month
 */
public record ChurnedSubscriber(String subscriberId, String msisdn, MemberRef city, String churnDate,
                                MemberRef reason, int tenureMonths, Double arpuBefore, MemberRef segmentBefore,
                                List<MemberRef> lastSignals) {
}
