package org.telecube.server.metadata;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says why a server on a copied data directory did not start, instead of a stack trace. */
class MetadataStoreElsewhereFailureAnalyzer extends AbstractFailureAnalyzer<MetadataStoreElsewhereException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MetadataStoreElsewhereException cause) {
    return new FailureAnalysis("The metadata store " + cause.expected() + " is answered by another running"
        + " TeleCube's store, " + cause.actual() + ": starting would share its schedules and deliveries.",
        "This data directory looks like a copy of a running one, lock file included. Stop that server, or"
        + " delete " + cause.lockFile()
        + " in the copy.", cause);
  }
}
