package org.telecube.etl.generate;

import java.util.SplittableRandom;
import org.telecube.etl.generate.Codes.CallType;
import org.telecube.etl.generate.Codes.PeerNetwork;
import org.telecube.etl.generate.Codes.Service;

/**
 * Daily usage summaries for mobile lines. To keep files small each subscriber-month shows two
 * sampled days (about five rows), which is enough for usage mix, network and seasonality
 * analyses. Broadband and fixed lines have no usage rows.
 */
final class UsageModel {
  private static final int SAMPLE_DAYS = 2;

  private final SubscriberTable t;
  private final PlanCatalog catalog;
  private final Formats formats;
  private final long seed;

  UsageModel(SubscriberTable table, PlanCatalog catalog, Formats formats, long seed) {
    this.t = table;
    this.catalog = catalog;
    this.formats = formats;
    this.seed = seed;
  }

  void write(SubscriberMonth x, FeedRows out) {
    if (!PlanCatalog.MOBILE.equals(x.plan.line())) {
      return;
    }
    int from = x.usageFrom();
    int to = x.usageTo();
    if (from == Integer.MAX_VALUE || from > to) {
      return;
    }
    SplittableRandom r = x.rng;
    int first = Weighted.between(r, from, to);
    write(x, out, first);
    if (to > from) {
      int second = Weighted.between(r, from, to - 1);
      write(x, out, second >= first ? second + 1 : second); // a different day
    }
  }

  private void write(SubscriberMonth x, FeedRows out, int day) {
    SplittableRandom r = x.rng;
    String network = catalog.network(t.network[x.s]);
    double usage = Seeds.trait(seed, x.s, Seeds.USAGE);
    // Engagement fades once a subscriber has decided to leave.
    double scale = (0.35 + 1.6 * usage) * (t.churnMonth[x.s] > x.mo.index() ? 0.6 : 1.0);
    int moy = x.mo.monthOfYear();
    String date = formats.date(day);

    voice(x, out, date, CallType.LOCAL, PeerNetwork.OWN, scale);
    if (r.nextDouble() < 0.4) {
      voice(x, out, date, CallType.LOCAL, PeerNetwork.OTHER, scale);
    }
    if (r.nextDouble() < 0.15) {
      voice(x, out, date, CallType.LONG_DISTANCE, r.nextBoolean() ? PeerNetwork.OWN : PeerNetwork.OTHER, scale);
    }
    double roaming = Seasonality.festive(moy) ? 0.2 : moy == 7 || moy == 8 ? 0.08 : 0.04;
    if (r.nextDouble() < roaming) {
      voice(x, out, date, CallType.ROAMING, PeerNetwork.OWN, scale);
    }
    if (r.nextDouble() < 0.01) {
      voice(x, out, date, CallType.INTERNATIONAL, PeerNetwork.OTHER, scale);
    }
    if (r.nextDouble() < 0.3) {
      int messages = 1 + r.nextInt(8);
      out.write(date, x.id, Service.SMS.code, CallType.NONE.code,
          (r.nextDouble() < 0.6 ? PeerNetwork.OWN : PeerNetwork.OTHER).code,
          Integer.toString(messages), "0", "0");
    }
    double dataChance = switch (network) {
      case "5g", "4g" -> 0.88;
      case "3g" -> 0.5;
      case "2g" -> 0.15;
      default -> 0.7;
    };
    if (r.nextDouble() < dataChance) {
      double medianMb = switch (network) {
        case "5g" -> 1400;
        case "4g" -> 650;
        case "3g" -> 60;
        case "2g" -> 3;
        default -> 500;
      };
      // Data use grows about 1% a month on top of the seasonal swing.
      double mb = Weighted.logNormal(r, medianMb * scale * Seasonality.dataVolume(moy)
          * (1 + 0.01 * x.mo.index()), 0.6);
      long kb = Math.max(1, Math.round(mb * 1024));
      int sessions = 3 + r.nextInt(58);
      out.write(date, x.id, Service.DATA.code, CallType.NONE.code, PeerNetwork.NONE.code,
          Integer.toString(sessions), "0", Long.toString(kb));
    }
  }

  private static void voice(SubscriberMonth x, FeedRows out, String date, CallType type,
                            PeerNetwork peer, double scale) {
    SplittableRandom r = x.rng;
    int calls = 1 + r.nextInt(Math.max(1, (int) (2 + 6 * scale)));
    long seconds = 0;
    for (int i = 0; i < calls; i++) {
      seconds += Weighted.between(r, 8, 420);
    }
    out.write(date, x.id, Service.VOICE.code, type.code, peer.code, Integer.toString(calls),
        Long.toString(seconds), "0");
  }
}
