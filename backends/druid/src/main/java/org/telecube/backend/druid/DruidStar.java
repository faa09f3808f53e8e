package org.telecube.backend.druid;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telecube.backend.duckdb.StarSchema;
import org.telecube.warehouse.backend.StoredColumn;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.reference.ReferenceData;

/**
 * The star's tables as Druid keeps them, described from the work area's own DDL (an in-memory
 * DuckDB with the same tables) rather than from Druid, which knows a datasource only once
 * something is published to it. The publisher writes what this describes, and the planner reads
 * it, so the two cannot disagree.
 */
final class DruidStar {
  /** Work-area tables that never reach Druid: feed staging, reference input, the ETL's own books. */
  private static final List<String> WORK_AREA_ONLY = List.of("stg_", "ref_", "etl_file", "etl_reject", "work_area",
      "schema_version", "analysis_setting", "churn_signal_weight");

  private final Map<String, List<Column>> tables;
  private final List<String> enumerationTables;

  private DruidStar(Map<String, List<Column>> tables, List<String> enumerationTables) {
    this.tables = Map.copyOf(tables);
    this.enumerationTables = List.copyOf(enumerationTables);
  }

  /** A column with its type in the work area and in Druid. */
  record Column(String name, String duckDbType, StoredColumn stored) {
  }

  /** Describes the star {@code model} reads, as the DuckDB work area would hold it. */
  static DruidStar describe(CubeModel model) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      StarSchema.initialize(c, model, ReferenceData.shipped());
      return read(c, model.enumerations().stream().map(e -> e.table()).toList());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot describe the star for Druid: " + e.getMessage(), e);
    }
  }

  /** The star tables in the DuckDB at {@code connection}, with their types. */
  static DruidStar read(Connection connection, List<String> enumerationTables) throws SQLException {
    Map<String, List<Column>> tables = new LinkedHashMap<>();
    try (PreparedStatement st = connection.prepareStatement("SELECT table_name, column_name, data_type"
        + " FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position");
         ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String table = rs.getString(1);
        if (WORK_AREA_ONLY.stream().noneMatch(table::startsWith)) {
          String type = rs.getString(3);
          tables.computeIfAbsent(table, t -> new ArrayList<>())
              .add(new Column(rs.getString(2), type, DruidColumns.stored(rs.getString(2), type)));
        }
      }
    }
    return new DruidStar(tables, enumerationTables);
  }

  /**
   * The model's enumeration tables ({@code dim_age_band}, …): the ETL's publications do not name
   * them (PostgreSQL writes them when it opens), so the publisher adds them.
   */
  List<String> enumerationTables() {
    return enumerationTables;
  }

  Optional<List<Column>> columns(String table) {
    return Optional.ofNullable(tables.get(table));
  }

  Optional<List<StoredColumn>> storedColumns(String table) {
    return columns(table).map(cs -> cs.stream().map(Column::stored).toList());
  }

  /** True for a fact or aggregate table, partitioned into month segments by {@code month_key}. */
  boolean isMonthly(String table) {
    return (table.startsWith("fact_") || table.startsWith("agg_")) && columns(table).orElse(List.of()).stream()
        .anyMatch(c -> c.name().equals("month_key"));
  }
}
