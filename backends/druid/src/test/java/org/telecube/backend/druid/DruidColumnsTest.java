package org.telecube.backend.druid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.telecube.warehouse.backend.StoredColumn;

/** How work-area types are kept in Druid, and the export expressions that write them so. */
class DruidColumnsTest {
  @Test
  void moneyIsKeptInWholeCents() {
    assertThat(DruidColumns.stored("amount", "DECIMAL(14,2)")).isEqualTo(new StoredColumn("amount", "BIGINT", 2));
    assertThat(DruidColumns.exportExpression("amount", "DECIMAL(14,2)"))
        .isEqualTo("CAST(round(\"amount\" * 100) AS BIGINT)");
    assertThat(DruidColumns.stored("rate", "decimal(9, 4)").unitScale()).isEqualTo(4);
    assertThat(DruidColumns.exportExpression("rate", "DECIMAL(9,4)")).isEqualTo("CAST(round(\"rate\" * 10000) AS BIGINT)");
    // DuckDB's bare DECIMAL is DECIMAL(18,3)
    assertThat(DruidColumns.stored("x", "DECIMAL").unitScale()).isEqualTo(3);
    assertThat(DruidColumns.ingestionType(DruidColumns.stored("amount", "DECIMAL(14,2)"))).isEqualTo("long");
  }

  @Test
  void datesAndTimestampsAreIsoText() {
    assertThat(DruidColumns.stored("date_key", "DATE")).isEqualTo(new StoredColumn("date_key", "VARCHAR", 0));
    assertThat(DruidColumns.stored("event_time", "TIMESTAMP")).isEqualTo(new StoredColumn("event_time", "VARCHAR", 0));
    assertThat(DruidColumns.exportExpression("date_key", "DATE")).isEqualTo("strftime(\"date_key\", '%Y-%m-%d')");
    assertThat(DruidColumns.exportExpression("event_time", "TIMESTAMP"))
        .isEqualTo("strftime(\"event_time\", '%Y-%m-%d %H:%M:%S.%f')");
    assertThat(DruidColumns.ingestionType(DruidColumns.stored("date_key", "DATE"))).isEqualTo("string");
  }

  @Test
  void booleansAreZeroOrOne() {
    assertThat(DruidColumns.stored("is_current", "BOOLEAN")).isEqualTo(new StoredColumn("is_current", "BIGINT", 0));
    assertThat(DruidColumns.exportExpression("is_current", "BOOLEAN")).isEqualTo("CAST(\"is_current\" AS INTEGER)");
    assertThat(DruidColumns.ingestionType(DruidColumns.stored("is_current", "BOOLEAN"))).isEqualTo("long");
  }

  @Test
  void integersDoublesAndTextKeepTheirKind() {
    assertThat(DruidColumns.stored("month_key", "INTEGER").type()).isEqualTo("BIGINT");
    assertThat(DruidColumns.stored("value_score", "DOUBLE")).isEqualTo(new StoredColumn("value_score", "DOUBLE", 0));
    assertThat(DruidColumns.ingestionType(DruidColumns.stored("value_score", "DOUBLE"))).isEqualTo("double");
    assertThat(DruidColumns.stored("city_code", "VARCHAR")).isEqualTo(new StoredColumn("city_code", "VARCHAR", 0));
    assertThat(DruidColumns.exportExpression("city_code", "VARCHAR")).isEqualTo("\"city_code\"");
    // lower-case types in the Turkish locale the tests run in: no dotless i
    assertThat(DruidColumns.stored("n", "integer").type()).isEqualTo("BIGINT");
    assertThat(DruidColumns.exportExpression("t", "timestamp")).startsWith("strftime(");
  }
}
