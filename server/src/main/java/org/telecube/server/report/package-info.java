/** Reports over HTTP: the catalog and rendered documents. */
package org.telecube.server.report;
