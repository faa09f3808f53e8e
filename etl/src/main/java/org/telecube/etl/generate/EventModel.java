package org.telecube.etl.generate;

import java.util.SplittableRandom;
import org.telecube.etl.generate.Codes.EventChannel;
import org.telecube.etl.generate.Codes.EventType;
import org.telecube.etl.generate.Codes.Severity;

/**
 * Customer-service and network-detected events. Most happen at random at low monthly rates; the
 * churn model adds planted ones. Calls to a competitor's service line and forwarding to a
 * competitor are detected from call records and logged with channel hotline (they are calls).
 */
final class EventModel {
  private final Formats formats;

  EventModel(Formats formats) {
    this.formats = formats;
  }

  /** Chance events of the month; those that are churn signals are noted as background signals. */
  void drawBackground(SubscriberMonth x) {
    if (x.eventFrom() > x.eventTo()) {
      return;
    }
    SplittableRandom r = x.rng;
    String line = x.plan.line();
    boolean mobile = PlanCatalog.MOBILE.equals(line);
    if (r.nextDouble() < 0.025) {
      x.events |= EventType.INQUIRY.bit();
    }
    if (r.nextDouble() < 0.012) {
      x.events |= EventType.COMPLAINT.bit();
      x.complaintSeverity = Severity.values()[Weighted.pick(r, 0.38, 0.40, 0.22)];
      if (x.complaintSeverity == Severity.SERIOUS) {
        x.background |= Signal.SERIOUS_COMPLAINT.bit();
      }
    }
    double fault = PlanCatalog.BROADBAND.equals(line) ? 0.03 : PlanCatalog.FIXED.equals(line) ? 0.02 : 0.008;
    if (r.nextDouble() < fault) {
      x.events |= EventType.FAULT_REPORT.bit();
    }
    if (r.nextDouble() < 0.022) {
      // Mostly short calls (a wrong number, a price check); a third last over a minute.
      x.events |= EventType.COMPETITOR_SERVICE_CALL.bit();
      x.competitorCallSec = (int) Math.max(5, Math.min(1200, Weighted.logNormal(r, 40, 0.9)));
      if (x.competitorCallSec > 60) {
        x.background |= Signal.COMPETITOR_CALL.bit();
      }
    }
    if (!PlanCatalog.BROADBAND.equals(line) && r.nextDouble() < 0.003) {
      x.events |= EventType.CALL_FORWARD_COMPETITOR.bit();
      x.background |= Signal.CALL_FORWARD.bit();
    }
    if (r.nextDouble() < 0.004) {
      x.events |= EventType.SUSPEND_REQUEST.bit();
      x.background |= Signal.SUSPEND_REQUEST.bit();
    }
    if (mobile && r.nextDouble() < 0.003) {
      x.events |= EventType.PORT_OUT_INQUIRY.bit();
      x.background |= Signal.PORT_OUT.bit();
    }
  }

  void write(SubscriberMonth x, FeedRows out) {
    int from = x.eventFrom();
    int to = x.eventTo();
    if (x.events == 0 || from > to) {
      return;
    }
    SplittableRandom r = x.rng;
    for (EventType type : EventType.values()) {
      if ((x.events & type.bit()) == 0) {
        continue;
      }
      int day = type == EventType.SUSPEND_REQUEST && x.suspendRequestDay > 0
          ? x.suspendRequestDay : Weighted.between(r, from, to);
      EventChannel channel = channel(r, type);
      int second = switch (channel) {
        case HOTLINE -> Weighted.between(r, 8 * 3600, 22 * 3600 - 1);
        case STORE -> Weighted.between(r, 9 * 3600, 21 * 3600 - 1);
        case ONLINE -> r.nextInt(24 * 3600);
      };
      Severity severity = switch (type) {
        case COMPLAINT -> x.complaintSeverity;
        case FAULT_REPORT -> Severity.values()[Weighted.pick(r, 0.1, 0.7, 0.2)];
        case INQUIRY -> r.nextDouble() < 0.7 ? Severity.LOW : Severity.NORMAL;
        default -> Severity.NORMAL;
      };
      String duration;
      if (type == EventType.COMPETITOR_SERVICE_CALL) {
        duration = Integer.toString(x.competitorCallSec);
      } else if (channel == EventChannel.HOTLINE && type != EventType.CALL_FORWARD_COMPETITOR) {
        duration = Integer.toString(Weighted.between(r, 40, 900));
      } else {
        duration = "";
      }
      out.write(formats.timestamp(day, second), x.id, type.code, severity.code, channel.code, duration);
    }
  }

  private static EventChannel channel(SplittableRandom r, EventType type) {
    double[] w = switch (type) {
      case INQUIRY -> new double[] {0.50, 0.15, 0.35};
      case COMPLAINT -> new double[] {0.60, 0.15, 0.25};
      case FAULT_REPORT -> new double[] {0.70, 0.05, 0.25};
      case SUSPEND_REQUEST -> new double[] {0.45, 0.40, 0.15};
      case PORT_OUT_INQUIRY -> new double[] {0.60, 0.30, 0.10};
      default -> new double[] {1, 0, 0};
    };
    return EventChannel.values()[Weighted.pick(r, w)];
  }
}
