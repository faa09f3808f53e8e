package org.telecube.warehouse.query;

import java.util.List;

/**
 * What a query will run, without running it: the backend, its SQL dialect, Calcite's plan of the
 * main statement and every statement in the order the engine runs them.
 *
 * @param plan the main statement's relational plan, one operator a line
 * @param cache whether running it now would be answered by the result cache: {@code hit},
 *     {@code miss} (it would run, and be kept) or {@code off}
 */
public record Explain(String backend, String dialect, String plan, List<Statement> statements, String cache) {
  public Explain {
    statements = List.copyOf(statements);
  }

  public Explain(String backend, String dialect, String plan, List<Statement> statements) {
    this(backend, dialect, plan, statements, "off");
  }

  /**
   * One SQL statement of the query.
   *
   * @param purpose why it runs: member check, main, totals, a time-intelligence kind, periods
   * @param tables per cube the statement aggregates, the fact or aggregate table it reads and why
   *     each other aggregate could not answer (empty for statements reading no cube)
   */
  public record Statement(String purpose, String sql, List<Source> tables) {
    public Statement {
      tables = tables == null ? List.of() : List.copyOf(tables);
    }

    public Statement(String purpose, String sql) {
      this(purpose, sql, List.of());
    }
  }

  /**
   * The table that answered one cube's part of a statement.
   *
   * @param table the cube's fact table or one of its aggregate tables
   * @param rejected why each other aggregate of the cube could not answer, one
   *     {@code table: reason} each ({@code agg_revenue_by_city: no dimension customer_type})
   */
  public record Source(String cube, String table, List<String> rejected) {
    public Source {
      rejected = List.copyOf(rejected);
    }
  }

  /** The SQL of the statement with {@code purpose}, or null. */
  public String sql(String purpose) {
    return statements.stream().filter(s -> s.purpose().equals(purpose)).map(Statement::sql).findFirst().orElse(null);
  }
}
