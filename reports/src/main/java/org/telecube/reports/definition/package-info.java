/**
 * What reports exist: each report's id, captions in every language and parameters, for the
 * catalog the API and the CLI list.
 */
package org.telecube.reports.definition;
