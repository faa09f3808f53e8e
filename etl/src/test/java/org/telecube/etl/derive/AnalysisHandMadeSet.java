package org.telecube.etl.derive;

import static org.telecube.etl.derive.AnalysisFixtures.BILLING_HEADER;
import static org.telecube.etl.derive.AnalysisFixtures.EVENT_HEADER;
import static org.telecube.etl.derive.AnalysisFixtures.SUBSCRIBER_HEADER;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-made set for the customer analysis: twelve subscribers over seven monthly snapshots
 * (2025-01-31 .. 2025-07-31) with billing and service events, each planted for one behaviour.
 * Revenue per month (yuan; '-' no bill), with the plan's monthly fee:
 *
 * <pre>
 *                      fee  Jan Feb Mar Apr May Jun Jul  joined      what it is for
 *   A  M5G99            99   99  99  99  99  99  99  99  2020-01-15  long-tenure high spender: value / maturity
 *   B  M4G58            58    -   -   -   -   -  40  58  2025-06-03  new: acquisition; low then secondary
 *   C  M5G199          199  199 199 199 199 199  50  50  2019-03-01  bill halves in Jun: bill_drop + decline
 *   D  M4G58            58   58  58  58  58  58  58  58  2022-06-01  Feb 60 s competitor call (no signal),
 *                                                                    Apr 70 s competitor call + serious complaint
 *   E  M4G19            19   19  19  19  19  19  19  19  2021-01-01  Mar bill paid 2025-06-05 (due 04-15): arrears Apr, May
 *   F  M4G58 2y         58   58  58  58  58  58  58  58  2023-05-01  contract ends 2025-06-29: contract_ending Apr
 *                                                                    (60 days exactly), May; tenure reaches 24 in May
 *   G  M4G58            58   58  58 116  58 118  58  58  2022-01-10  Mar exactly twice the fee (no signal), May
 *                                                                    bill_shock, Jun back to the fee = bill_drop
 *   H  M4G19            19   19  19  19  19  19  19  19  2018-08-08  keep_number from the May snapshot
 *   I  M4G58            58   58  58  58  58  70  58   -  2021-09-01  churns 2025-06-12 with no signal before
 *   J  M5G99            99   99  99  99 129 129 129 129  2020-02-02  growth on revenue in Jun; Jul call forward +
 *                                                                    suspend request
 *   K  M4G39            39   39  39  39  39  39  39  39  2024-09-05  growth on tenure; Jun bill unpaid: arrears Jul
 *   L  M4G58            58   58  58  58  58  58   -   -  2021-03-03  Apr 75 s competitor call, churns 2025-05-20
 * </pre>
 *
 * <p>Median revenue over active-at-end subscribers: 58 in Jan..Apr and Jul; May (10 active) =
 * (58 + 70) / 2 = 64; Jun (10 active) = (50 + 58) / 2 = 54.
 */
final class AnalysisHandMadeSet {
  static final YearMonth FIRST = YearMonth.of(2025, 1);
  static final int MONTHS = 7;

  private record Sub(String id, String plan, String network, int fee, String join, String contract,
                     String contractEnd, Integer[] revenue) {
  }

  private static final List<Sub> SUBS = List.of(
      new Sub("A", "M5G99", "5g", 99, "2020-01-15", "none", "", rev(99, 99, 99, 99, 99, 99, 99)),
      new Sub("B", "M4G58", "4g", 58, "2025-06-03", "none", "", rev(null, null, null, null, null, 40, 58)),
      new Sub("C", "M5G199", "5g", 199, "2019-03-01", "none", "", rev(199, 199, 199, 199, 199, 50, 50)),
      new Sub("D", "M4G58", "4g", 58, "2022-06-01", "none", "", rev(58, 58, 58, 58, 58, 58, 58)),
      new Sub("E", "M4G19", "4g", 19, "2021-01-01", "none", "", rev(19, 19, 19, 19, 19, 19, 19)),
      new Sub("F", "M4G58", "4g", 58, "2023-05-01", "2y", "2025-06-29", rev(58, 58, 58, 58, 58, 58, 58)),
      new Sub("G", "M4G58", "4g", 58, "2022-01-10", "none", "", rev(58, 58, 116, 58, 118, 58, 58)),
      new Sub("H", "M4G19", "4g", 19, "2018-08-08", "none", "", rev(19, 19, 19, 19, 19, 19, 19)),
      new Sub("I", "M4G58", "4g", 58, "2021-09-01", "none", "", rev(58, 58, 58, 58, 70, 58, null)),
      new Sub("J", "M5G99", "5g", 99, "2020-02-02", "none", "", rev(99, 99, 99, 129, 129, 129, 129)),
      new Sub("K", "M4G39", "4g", 39, "2024-09-05", "none", "", rev(39, 39, 39, 39, 39, 39, 39)),
      new Sub("L", "M4G58", "4g", 58, "2021-03-03", "none", "", rev(58, 58, 58, 58, 58, null, null)));

  static final List<String> EVENTS = List.of(
      "2025-02-14 10:00:00,D,competitor_service_call,normal,hotline,60",
      "2025-03-03 11:00:00,D,complaint,normal,hotline,",
      "2025-03-05 10:00:00,A,fault_report,serious,hotline,",
      "2025-04-12 09:30:00,D,competitor_service_call,normal,hotline,70",
      "2025-04-30 23:59:59,D,complaint,serious,store,",
      "2025-04-20 15:00:00,L,competitor_service_call,low,hotline,75",
      "2025-05-05 12:00:00,K,port_out_inquiry,normal,online,120",
      "2025-07-01 00:00:00,J,call_forward_competitor,normal,online,",
      "2025-07-15 08:00:00,J,suspend_request,normal,store,");

  private AnalysisHandMadeSet() {
  }

  private static Integer[] rev(Integer... r) {
    return r;
  }

  static YearMonth month(int index) {
    return FIRST.plusMonths(index);
  }

  /** Writes the set to {@code dir}: subscribers_*.csv, billing_*.csv, service_events_2025.csv. */
  static List<Path> write(Path dir) {
    List<Path> files = new ArrayList<>();
    for (int m = 0; m < MONTHS; m++) {
      LocalDate asOf = month(m).atEndOfMonth();
      List<String> lines = new ArrayList<>(List.of(SUBSCRIBER_HEADER));
      for (Sub s : SUBS) {
        if (!LocalDate.parse(s.join()).isAfter(asOf)) {
          lines.add(snapshot(s, asOf));
        }
      }
      files.add(AnalysisFixtures.write(dir.resolve("subscribers_" + asOf + ".csv"), lines));
    }
    for (int m = 0; m < MONTHS; m++) {
      files.add(AnalysisFixtures.write(dir.resolve("billing_" + month(m) + ".csv"), billing(m, false)));
    }
    List<String> events = new ArrayList<>(List.of(EVENT_HEADER));
    events.addAll(EVENTS);
    files.add(AnalysisFixtures.write(dir.resolve("service_events_2025.csv"), events));
    return files;
  }

  /** Billing lines of month {@code m}; {@code reversed} writes the same rows in reverse order. */
  static List<String> billing(int m, boolean reversed) {
    YearMonth ym = month(m);
    List<String> rows = new ArrayList<>();
    for (Sub s : SUBS) {
      Integer r = s.revenue()[m];
      if (r == null) {
        continue;
      }
      String due = ym.plusMonths(1).atDay(15).toString();
      String paidDate = ym.plusMonths(1).atDay(10).toString();
      boolean unpaid = s.id().equals("K") && m == 5;
      if (s.id().equals("E") && m == 2) {
        paidDate = "2025-06-05"; // paid late: overdue at the end of April and May
      }
      int fee = Math.min(r, s.fee());
      rows.add(line(ym, s, "monthly_fee", fee, unpaid, due, paidDate));
      if (r > s.fee()) {
        rows.add(line(ym, s, "roaming", r - s.fee(), unpaid, due, paidDate));
      }
    }
    if (reversed) {
      java.util.Collections.reverse(rows);
    }
    List<String> lines = new ArrayList<>(List.of(BILLING_HEADER));
    lines.addAll(rows);
    return lines;
  }

  private static String line(YearMonth ym, Sub s, String item, int amount, boolean unpaid, String due, String paid) {
    String a = BigDecimal.valueOf(amount).setScale(2).toPlainString();
    return ym + "," + s.id() + "," + s.plan() + "," + item + "," + a + "," + (unpaid ? "0.00" : a) + "," + due + ","
        + (unpaid ? "" : paid);
  }

  private static String snapshot(Sub s, LocalDate asOf) {
    String status = "active";
    String statusDate = s.join();
    String reason = "";
    if (s.id().equals("H") && !asOf.isBefore(LocalDate.of(2025, 5, 31))) {
      status = "keep_number";
      statusDate = "2025-05-20";
    } else if (s.id().equals("I") && !asOf.isBefore(LocalDate.of(2025, 6, 30))) {
      status = "churned";
      statusDate = "2025-06-12";
      reason = "competitor";
    } else if (s.id().equals("L") && !asOf.isBefore(LocalDate.of(2025, 5, 31))) {
      status = "churned";
      statusDate = "2025-05-20";
      reason = "competitor";
    }
    return asOf + "," + s.id() + ",CU" + s.id() + ",,individual,m,1985,440100,C440100,store," + s.plan() + ","
        + s.network() + ",postpaid,none," + s.contract() + "," + s.contractEnd() + "," + s.join() + "," + status + ","
        + statusDate + "," + reason + ",";
  }
}
