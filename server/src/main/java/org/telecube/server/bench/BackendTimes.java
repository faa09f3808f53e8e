package org.telecube.server.bench;

import java.util.List;

/**
 * One backend's figures per question, in the order of the questions.
 *
 * @param engine the engine in this JVM (validate, plan, unparse, run, shape)
 * @param raw the hand-written SQL on the same backend
 * @param checks per question: empty when engine and SQL agree, else why not
 */
public record BackendTimes(String backend, List<Samples> engine, List<Samples> raw, List<String> checks) {
  public BackendTimes {
    engine = List.copyOf(engine);
    raw = List.copyOf(raw);
    checks = List.copyOf(checks);
  }
}
