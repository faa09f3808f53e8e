package org.telecube.warehouse.model;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * A derived measure's formula: measure names, numbers, + - * / and parentheses. Parsed with
 * Calcite's SQL expression parser so the planner can turn it into a row expression.
 */
public record Formula(String text, SqlNode expression) {
  private static final Set<SqlKind> OPERATORS =
      Set.of(SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MINUS_PREFIX);

  /** Formulas come from the model, so there are few; a plan asks for each several times. */
  private static final java.util.concurrent.ConcurrentMap<String, Formula> PARSED =
      new java.util.concurrent.ConcurrentHashMap<>();

  public static Formula parse(String text) {
    Formula known = PARSED.get(text);
    if (known != null) {
      return known;
    }
    Formula parsed = parseNew(text);
    // bounded by the distinct formulas models hold (tests load a few models)
    if (PARSED.size() < 10_000) {
      PARSED.put(text, parsed);
    }
    return parsed;
  }

  private static Formula parseNew(String text) {
    try {
      SqlNode node = SqlParser.create(text, SqlParser.config()
          .withUnquotedCasing(Casing.UNCHANGED).withQuotedCasing(Casing.UNCHANGED))
          .parseExpression();
      check(text, node);
      return new Formula(text, node);
    } catch (SqlParseException e) {
      throw new ModelException("formula " + text, "cannot parse: " + e.getMessage());
    }
  }

  /** The measures the formula refers to. */
  public Set<String> measureNames() {
    Set<String> names = new LinkedHashSet<>();
    collect(expression, names);
    return names;
  }

  private static void collect(SqlNode node, Set<String> names) {
    if (node instanceof SqlIdentifier id) {
      names.add(id.getSimple());
    } else if (node instanceof SqlBasicCall call) {
      call.getOperandList().forEach(o -> collect(o, names));
    }
  }

  private static void check(String text, SqlNode node) {
    if (node instanceof SqlIdentifier id) {
      if (!id.isSimple()) {
        throw new ModelException("formula " + text, "unexpected name " + id);
      }
    } else if (node instanceof SqlBasicCall call && OPERATORS.contains(call.getKind())) {
      call.getOperandList().forEach(o -> check(text, o));
    } else if (!(node instanceof SqlNumericLiteral)) {
      throw new ModelException("formula " + text, "only measures, numbers and + - * / are allowed: " + node);
    }
  }
}
