package org.telecube.etl.feed;

/** A set of codes a value must belong to, held by the warehouse rather than by the contract. */
public enum CodeSet {
  /** 6-digit codes of prefecture-level cities (ref_region, level city). */
  CITY("city_code"),
  /** Organisation units (ref_org_unit). */
  ORG_UNIT("org_code"),
  /** Plans of the product catalog (ref_product). */
  PLAN("plan_code"),
  /** Subscribers known to the warehouse (stg_subscriber, including this batch's rows). */
  SUBSCRIBER("subscriber_id");

  private final String noun;

  CodeSet(String noun) {
    this.noun = noun;
  }

  /** How a value missing from this set is described, e.g. {@code city_code}. */
  public String noun() {
    return noun;
  }
}
