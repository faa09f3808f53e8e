/**
 * Churn lists over HTTP: at-risk subscribers and the churned-customer base, as JSON for the lists
 * page and as CSV files to hand to retention teams.
 */
package org.telecube.server.churn;
