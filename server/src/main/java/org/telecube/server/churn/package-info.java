/** Churn lists over HTTP: at-risk subscribers and the churned-customer base. */
package org.telecube.server.churn;
