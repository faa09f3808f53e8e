package org.telecube.etl.derive;

import java.util.Locale;

/**
 * The churn warning signals the operator's CRM practice names, each with the retention action it
 * calls for (care-type 关怀类 or marketing-type 营销类) and a prior weight used until history can
 * be fitted. {@link #column()} is the 0/1 column in fact_subscriber_month.
 */
public enum ChurnSignal {
  /** A call of over a minute to a competitor's customer service line. */
  COMPETITOR_CALL(ActionType.MARKETING, 2.0),
  /** Call forwarding to another operator's number. */
  CALL_FORWARD(ActionType.MARKETING, 2.0),
  /** Suspended with the number kept (停机保号) at month end. */
  KEEP_NUMBER(ActionType.CARE, 1.8),
  /** The bill fell below half of last month's, or to zero. */
  BILL_DROP(ActionType.MARKETING, 1.0),
  /** A voluntary suspension request. */
  VOLUNTARY_SUSPENSION(ActionType.CARE, 1.5),
  /** The plan contract ends within 60 days of month end. */
  CONTRACT_ENDING(ActionType.MARKETING, 1.2),
  /** A bill past its due date and still unpaid at month end. */
  ARREARS(ActionType.CARE, 1.2),
  /** A complaint of serious severity. */
  SERIOUS_COMPLAINT(ActionType.CARE, 1.3),
  /** The month's bill above twice the plan's monthly fee. */
  BILL_SHOCK(ActionType.CARE, 1.0);

  /** Care-type actions fix the customer's experience; marketing-type actions make an offer. */
  public enum ActionType {
    CARE, MARKETING;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final ActionType actionType;
  private final double priorWeight;

  ChurnSignal(ActionType actionType, double priorWeight) {
    this.actionType = actionType;
    this.priorWeight = priorWeight;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String column() {
    return "sig_" + code();
  }

  public ActionType actionType() {
    return actionType;
  }

  /** ln(relative risk) assumed before any history is fitted. */
  public double priorWeight() {
    return priorWeight;
  }
}
