/**
 * Subscriber-level churn lists for retention work: the at-risk list and the churned-customer base
 * (离网客户库). The query engine plans and runs them like every other question (its planner, its
 * scope); this package names their rows. Numbers match the subscribers cube because they come
 * from the same fact.
 */
package org.telecube.warehouse.churn;
