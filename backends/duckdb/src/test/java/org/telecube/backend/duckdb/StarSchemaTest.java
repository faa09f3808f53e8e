package org.telecube.backend.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.reference.ReferenceData;

class StarSchemaTest {
  @TempDir
  Path dir;

  @Test
  void seedsCalendarReferenceAndDimensionsOnceAndAgainIdempotently() throws Exception {
    try (Warehouse w = Warehouse.openEmbedded(dir)) {
      assertCounts(w);
    }
    try (Warehouse w = Warehouse.openEmbedded(dir)) {
      assertCounts(w);
      try (Connection c = w.backend().dataSource().getConnection(); Statement st = c.createStatement()) {
        assertThat(single(st, "SELECT province_name_en || '/' || macro_region_name_zh FROM dim_region WHERE city_code = '440100'"))
            .isEqualTo("Guangdong/华南");
        assertThat(single(st, "SELECT province_org_code || '/' || hq_code FROM dim_org WHERE org_code = 'C440100'"))
            .isEqualTo("P440000/HQ");
        assertThat(single(st, "SELECT quarter_code || ' ' || month_name_zh FROM dim_month WHERE month_key = 202503"))
            .isEqualTo("2025-Q1 2025年3月");
        // previous period of March is February; year to date of March covers Jan..Mar
        assertThat(single(st, "SELECT string_agg(CAST(source_month_key AS VARCHAR), ',' ORDER BY source_month_key) FROM dim_time_bridge WHERE kind='previous_period' AND grain='month' AND target_month_key=202503"))
            .isEqualTo("202502");
        assertThat(single(st, "SELECT count(*) FROM dim_time_bridge WHERE kind='year_to_date' AND grain='month' AND target_month_key=202503"))
            .isEqualTo("3");
        assertThat(single(st, "SELECT string_agg(CAST(source_month_key AS VARCHAR), ',' ORDER BY source_month_key) FROM dim_time_bridge WHERE kind='same_period_last_year' AND grain='quarter' AND target_month_key=202504"))
            .isEqualTo("202404,202405,202406");
      }
    }
  }

  @Test
  void aWarehouseFromBeforeFirstLineGetsItOnOpen() throws Exception {
    try (Warehouse w = Warehouse.openEmbedded(dir);
         Connection c = w.backend().dataSource().getConnection(); Statement st = c.createStatement()) {
      // as a file written by the previous version: no first_line
      st.execute("ALTER TABLE fact_billing DROP COLUMN first_line");
      st.execute("INSERT INTO fact_billing (month_key, subscriber_id, charge_item, plan_code, amount, paid_amount,"
          + " outstanding) VALUES (202501, 'a', 'voice', 'P', 1, 1, 0), (202501, 'a', 'data', 'P', 1, 1, 0),"
          + " (202502, 'a', 'voice', 'P', 1, 1, 0), (202501, 'b', 'voice', 'P', 1, 1, 0)");
    }
    try (Warehouse w = Warehouse.openEmbedded(dir);
         Connection c = w.backend().dataSource().getConnection(); Statement st = c.createStatement()) {
      assertThat(single(st, "SELECT string_agg(month_key || subscriber_id || charge_item || '=' || first_line, ','"
          + " ORDER BY month_key, subscriber_id, charge_item) FROM fact_billing"))
          .isEqualTo("202501adata=1,202501avoice=0,202501bvoice=1,202502avoice=1");
    }
  }

  private static void assertCounts(Warehouse w) throws Exception {
    ReferenceData ref = ReferenceData.shipped();
    try (Connection c = w.backend().dataSource().getConnection(); Statement st = c.createStatement()) {
      assertThat(single(st, "SELECT count(*) FROM dim_region")).isEqualTo(String.valueOf(ref.cities().size()));
      assertThat(single(st, "SELECT count(*) FROM dim_org")).isEqualTo(String.valueOf(ref.orgUnits().size()));
      assertThat(single(st, "SELECT count(*) FROM dim_product")).isEqualTo(String.valueOf(ref.products().size()));
      assertThat(single(st, "SELECT count(*) FROM dim_month")).isEqualTo(String.valueOf(41 * 12));
      assertThat(single(st, "SELECT count(*) FROM dim_vip_level")).isEqualTo("4");
    }
  }

  private static String single(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
