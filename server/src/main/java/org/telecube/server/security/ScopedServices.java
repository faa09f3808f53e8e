package org.telecube.server.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.stereotype.Component;
import org.telecube.reports.ReportService;
import org.telecube.warehouse.churn.ChurnLists;
import org.telecube.warehouse.query.QueryEngine;
import org.telecube.warehouse.query.Scope;

/**
 * The engine, lists and reports as a user may see them: scoped to their org unit's region on the
 * one query path, so cells, totals, members, lists, exports and reports all hold their subtree
 * only, and a member outside it is a 403. Controllers get their services here and nowhere else
 * (a test checks no controller holds the unscoped ones).
 */
@Component
public class ScopedServices {
  private final QueryEngine engine;
  private final ReportService reports;
  private final UserService users;
  private final LoadingCache<Scope, QueryEngine> engines;
  private final LoadingCache<Scope, ChurnLists> lists;

  public ScopedServices(QueryEngine engine, ReportService reports, UserService users) {
    this.engine = engine;
    this.reports = reports;
    this.users = users;
    this.engines = Caffeine.newBuilder().maximumSize(256).build(engine::scoped);
    this.lists = Caffeine.newBuilder().maximumSize(256).build(s -> new ChurnLists(engines.get(s)));
  }

  /** The engine as {@code viewer} sees it (sharing the result cache, keyed by scope). */
  public QueryEngine engine(Viewer viewer) {
    return engines.get(viewer.scope());
  }

  public ChurnLists lists(Viewer viewer) {
    return lists.get(viewer.scope());
  }

  /** Reports over the scoped engine; a blank report scope is the viewer's own region. */
  public ReportService reports(Viewer viewer) {
    return reports(viewer.scope());
  }

  /** Reports as someone bound to {@code scope} sees them. */
  public ReportService reports(Scope scope) {
    return reports.scoped(scope);
  }

  /**
   * Reports as the user {@code owner} sees them now (a schedule runs as its owner, read afresh at
   * each attempt, so a moved or demoted owner is honoured). A schedule from before users existed
   * names no user and runs as HQ.
   *
   * @throws OwnerDisabledException when the owner is disabled
   */
  public ReportService reportsOf(String owner) {
    java.util.Optional<UserAccount> user = users.find(owner);
    if (user.isPresent() && !user.get().enabled()) {
      throw new OwnerDisabledException(owner);
    }
    return reports(user.map(u -> u.viewer(null).scope()).orElse(Scope.all()));
  }

  /**
   * Reports as the burst recipient {@code recipient} sees them, if they are still enabled and
   * inside the owner's region (both read afresh); else the delivery is refused.
   */
  public ReportService reportsOfRecipient(String owner, String recipient) {
    Scope ownerScope = reportsOf(owner).scope();
    UserAccount user = users.find(recipient).filter(UserAccount::enabled)
        .orElseThrow(() -> new OwnerDisabledException("the recipient " + recipient + " is disabled", true));
    Scope scope = user.viewer(null).scope();
    if (!OrgScopes.within(scope, ownerScope)) {
      throw new OwnerDisabledException("the recipient " + recipient + " is no longer inside the owner's region", true);
    }
    return reports(scope);
  }

  /**
   * The users a burst schedule of {@code owner} goes to now: enabled, of {@code role}, bound to a
   * unit at {@code level} inside the owner's region, with an email; by user name.
   */
  public java.util.List<UserAccount> audience(String owner, String role, String level) {
    Scope ownerScope = reportsOf(owner).scope();
    return users.list().stream()
        .filter(u -> u.enabled() && u.email() != null && u.role().code().equals(role))
        .filter(u -> OrgScopes.unit(u.orgCode()).map(o -> o.level().equals(level)).orElse(false))
        .filter(u -> OrgScopes.within(u.viewer(null).scope(), ownerScope))
        .sorted(java.util.Comparator.comparing(UserAccount::username))
        .toList();
  }

  /** The one region key a scope names ({@code 440000}); null for the whole country. */
  public static String regionKey(Scope scope) {
    return scope.isAll() ? null : scope.keys().iterator().next();
  }

  /** A schedule whose owner is disabled: its deliveries are not sent. */
  public static final class OwnerDisabledException extends RuntimeException {
    OwnerDisabledException(String owner) {
      super("the schedule's owner " + owner + " is disabled");
    }

    OwnerDisabledException(String message, boolean whole) {
      super(message);
    }
  }
}
