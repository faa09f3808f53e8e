package org.telecube.backend.duckdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.reference.ChargeItem;
import org.telecube.warehouse.reference.OrgUnit;
import org.telecube.warehouse.reference.Product;
import org.telecube.warehouse.reference.ProductFamily;
import org.telecube.warehouse.reference.ReferenceData;
import org.telecube.warehouse.reference.Region;
import org.telecube.warehouse.schema.AggregateTables;
import org.telecube.warehouse.schema.EnumerationTables;
import org.telecube.warehouse.schema.SqlScript;

/**
 * Creates and seeds the star schema. {@link #initialize} is idempotent: it creates missing
 * tables, fills the calendar once, refreshes the enumeration tables from the model, seeds the
 * shipped reference data into an empty warehouse, rebuilds the conformed dimensions and creates
 * the model's aggregate tables (building any that is empty while its fact is not).
 */
public final class StarSchema {
  public static final int VERSION = 1;

  private static final SqlScript TABLES = SqlScript.load(StarSchema.class, "/org/telecube/backend/duckdb/star.sql");
  private static final SqlScript CALENDAR = SqlScript.load(StarSchema.class, "/org/telecube/backend/duckdb/calendar.sql");
  private static final SqlScript DIMENSIONS = SqlScript.load(StarSchema.class, "/org/telecube/backend/duckdb/dimensions.sql");

  private StarSchema() {
  }

  /** Brings the schema up to date in one transaction on {@code connection}. */
  public static void initialize(Connection connection, CubeModel model, ReferenceData reference)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      TABLES.run(connection);
      addFirstLine(connection);
      if (count(connection, "schema_version") == 0) {
        try (Statement st = connection.createStatement()) {
          st.execute("INSERT INTO schema_version VALUES (" + VERSION + ", current_timestamp)");
        }
      }
      if (count(connection, "work_area") == 0) {
        try (Statement st = connection.createStatement()) {
          st.execute("INSERT INTO work_area VALUES (CAST(uuid() AS VARCHAR), current_timestamp)");
        }
      }
      if (count(connection, "dim_month") == 0) {
        CALENDAR.run(connection);
      }
      EnumerationTables.write(connection, model);
      if (count(connection, "ref_region") == 0) {
        seedReference(connection, reference);
      }
      rebuildDimensions(connection);
      // the model's aggregate tables; one declared since the facts were loaded is built now
      AggregateTables.create(connection, model);
      AggregateTables.buildMissing(connection, model);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * A work area made before billed subscribers could be summed has no fact_billing.first_line: it
   * is added and set as the load sets it (1 on each subscriber-month's smallest charge item), so an
   * existing warehouse answers ARPU without a reload.
   */
  private static void addFirstLine(Connection connection) throws SQLException {
    if (count(connection, "information_schema.columns WHERE table_name = 'fact_billing'"
        + " AND column_name = 'first_line' AND table_schema = current_schema()") > 0) {
      return;
    }
    try (Statement st = connection.createStatement()) {
      st.execute("ALTER TABLE fact_billing ADD COLUMN first_line INTEGER DEFAULT 0");
      st.execute("UPDATE fact_billing SET first_line = 1 WHERE rowid IN (SELECT arg_min(rowid, charge_item)"
          + " FROM fact_billing GROUP BY month_key, subscriber_id)");
    }
  }

  /** The work area's id, made once when the file was created. */
  public static String workAreaId(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT min(id) FROM work_area")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Rebuilds dim_region, dim_org, dim_product and dim_charge_item from the ref_* tables. */
  public static void rebuildDimensions(Connection connection) throws SQLException {
    DIMENSIONS.run(connection);
  }

  private static void seedReference(Connection connection, ReferenceData reference) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ref_region VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Region r : reference.regions()) {
        ps.setString(1, r.code());
        ps.setString(2, r.level().code());
        ps.setString(3, r.parentCode());
        ps.setString(4, r.nameZh());
        ps.setString(5, r.nameEn());
        ps.setString(6, r.macroRegion());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ref_org_unit VALUES (?, ?, ?, ?, ?, ?)")) {
      for (OrgUnit o : reference.orgUnits()) {
        ps.setString(1, o.orgCode());
        ps.setString(2, o.level());
        ps.setString(3, o.parentCode());
        ps.setString(4, o.nameZh());
        ps.setString(5, o.nameEn());
        ps.setString(6, o.regionCode());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ref_product VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Product p : reference.products()) {
        ps.setString(1, p.planCode());
        ps.setString(2, p.nameZh());
        ps.setString(3, p.nameEn());
        ps.setString(4, p.family());
        ps.setString(5, p.businessLine());
        ps.setBigDecimal(6, p.monthlyFee());
        ps.setString(7, p.networkType());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ref_product_family VALUES (?, ?, ?, ?)")) {
      for (ProductFamily f : reference.productFamilies()) {
        ps.setString(1, f.family());
        ps.setString(2, f.businessLine());
        ps.setString(3, f.nameZh());
        ps.setString(4, f.nameEn());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO ref_charge_item VALUES (?, ?, ?, ?, ?, ?)")) {
      for (ChargeItem c : reference.chargeItems()) {
        ps.setString(1, c.code());
        ps.setString(2, c.nameZh());
        ps.setString(3, c.nameEn());
        ps.setString(4, c.category());
        ps.setString(5, c.categoryNameZh());
        ps.setString(6, c.categoryNameEn());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
