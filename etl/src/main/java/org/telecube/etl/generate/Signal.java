package org.telecube.etl.generate;

/**
 * The churn warning signals of the operator's CRM practice. The churn model plants them in the
 * months before a churn and also lets them occur at random, so that "has a signal" predicts
 * "churns next month" in the files about as strongly as the business expects.
 */
enum Signal {
  /** contract_end within the next 60 days */
  CONTRACT_END,
  /** bill total above twice the plan's monthly fee */
  BILL_SHOCK,
  /** complaint with severity serious */
  SERIOUS_COMPLAINT,
  /** competitor_service_call longer than a minute */
  COMPETITOR_CALL,
  /** call_forward_competitor event */
  CALL_FORWARD,
  /** the bill stays unpaid past its due date */
  ARREARS,
  /** status keep_number */
  KEEP_NUMBER,
  /** suspend_request event */
  SUSPEND_REQUEST,
  /** bill total below half of last month's */
  BILL_DROP,
  /** port_out_inquiry event (not on the CRM list, but what competitor churners do) */
  PORT_OUT;

  int bit() {
    return 1 << ordinal();
  }

  boolean in(int mask) {
    return (mask & bit()) != 0;
  }
}
