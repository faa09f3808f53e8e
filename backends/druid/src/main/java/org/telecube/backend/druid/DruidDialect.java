package org.telecube.backend.druid;

import org.apache.calcite.config.NullCollation;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Druid SQL as the planner needs it. Calcite 1.42 has no Druid dialect (only an adapter), and
 * Druid's SQL is Calcite's parser with Druid's functions, so this is Calcite's ANSI writing with
 * double-quoted, case-sensitive identifiers, plain Unicode literals (Druid reads {@code '…'} as
 * UTF-8), {@code LIMIT} rather than {@code FETCH}, and Druid's null order (nulls first ascending).
 */
final class DruidDialect extends SqlDialect {
  static final DruidDialect INSTANCE = new DruidDialect();

  private DruidDialect() {
    super(EMPTY_CONTEXT
        .withDatabaseProduct(DatabaseProduct.UNKNOWN)
        .withDatabaseProductName("Druid")
        .withIdentifierQuoteString("\"")
        .withUnquotedCasing(org.apache.calcite.avatica.util.Casing.UNCHANGED)
        .withQuotedCasing(org.apache.calcite.avatica.util.Casing.UNCHANGED)
        .withCaseSensitive(true)
        .withNullCollation(NullCollation.LOW));
  }

  @Override
  public void quoteStringLiteral(StringBuilder buf, String charsetName, String val) {
    buf.append('\'').append(val.replace("'", "''")).append('\'');
  }

  /**
   * Druid sorts nulls first ascending and has no {@code NULLS LAST}; the planner's null-last order
   * is written as a leading {@code x IS NULL} key.
   */
  @Override
  public SqlNode emulateNullDirection(SqlNode node, boolean nullsFirst, boolean desc) {
    return emulateNullDirectionWithIsNull(node, nullsFirst, desc);
  }

  /** Druid reads {@code ORDER BY 14} as the constant 14, not the 14th column: sort by the expression. */
  @Override
  public SqlConformance getConformance() {
    return new SqlDelegatingConformance(SqlConformanceEnum.DEFAULT) {
      @Override
      public boolean isSortByOrdinal() {
        return false;
      }
    };
  }

  @Override
  public boolean supportsCharSet() {
    return false;
  }

  @Override
  public boolean supportsAggregateFunctionFilter() {
    return true;
  }

  @Override
  public boolean supportsWindowFunctions() {
    return true;
  }

  @Override
  public boolean supportsNestedAggregations() {
    return false;
  }

  @Override
  public void unparseOffsetFetch(SqlWriter writer, SqlNode offset, SqlNode fetch) {
    unparseFetchUsingLimit(writer, offset, fetch);
  }
}
