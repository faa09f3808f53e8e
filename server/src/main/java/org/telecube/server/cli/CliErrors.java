package org.telecube.server.cli;

import org.telecube.server.metadata.MetadataStoreElsewhereException;
import org.telecube.warehouse.query.QueryException;

/** Turns exceptions into one clear line for the terminal, without a stack trace. */
final class CliErrors {
  private CliErrors() {
  }

  static String describe(Throwable e) {
    if (e instanceof QueryException q) {
      return q.field() + ": " + q.getMessage();
    }
    if (e instanceof org.telecube.reports.ReportException r) {
      return r.field() + ": " + r.getMessage();
    }
    if (e instanceof org.telecube.server.system.ApiException a) { // the user command's mistakes, as the API words them
      org.telecube.warehouse.model.Language language = java.util.Locale.getDefault().getLanguage().equals("zh")
          ? org.telecube.warehouse.model.Language.ZH_CN : org.telecube.warehouse.model.Language.EN;
      return a.field() + ": " + org.telecube.server.system.ErrorMessages.format(language,
          org.telecube.server.system.ErrorMessages.SERVER, a.code(), a.args(), a.getMessage());
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      // Spring wraps it in bean creation failures several levels deep
      if (c instanceof MetadataStoreElsewhereException m) {
        return CliMessages.get("serve.metadata_elsewhere", m.expected().toString(), m.actual(),
            m.lockFile().toString());
      }
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
