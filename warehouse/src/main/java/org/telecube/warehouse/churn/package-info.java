/**
 * Subscriber-level churn lists for retention work: the at-risk list and the churned-customer base
 * (离网客户库). Read from the customer-analysis columns of fact_subscriber_month with bound
 * parameters; numbers match the subscribers cube because they come from the same fact.
 */
package org.telecube.warehouse.churn;
