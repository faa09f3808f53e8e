package org.telecube.warehouse.query;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.telecube.warehouse.backend.Backend;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;

/**
 * Describes the warehouse tables to Calcite (names and column types as the backend declares them,
 * or read once from the database's metadata) so RelBuilder can plan over them. Calcite never executes anything: plans are unparsed
 * to SQL and run on the backend.
 */
final class CalciteCatalog {
  private final FrameworkConfig config;
  private final Map<String, List<ColumnSpec>> columns;

  private CalciteCatalog(FrameworkConfig config, Map<String, List<ColumnSpec>> columns) {
    this.config = config;
    this.columns = columns;
  }

  /** The column names of {@code table}, lower case, as the metadata read once named them. */
  Set<String> columnNames(String table) {
    Set<String> out = new java.util.LinkedHashSet<>();
    columns.getOrDefault(table, List.of()).forEach(c -> out.add(c.name().toLowerCase(Locale.ROOT)));
    return out;
  }

  /**
   * The scale of a decimal {@code table.column} the backend keeps as a whole number of its smallest
   * unit (money in cents: 2), or 0 for any other column.
   */
  int unitScale(String table, String column) {
    for (ColumnSpec c : columns.getOrDefault(table, List.of())) {
      if (c.name().equalsIgnoreCase(column)) {
        return c.unitScale();
      }
    }
    return 0;
  }

  /** True when the warehouse holds {@code table} (an optional table may be missing). */
  boolean has(String table) {
    return columns.containsKey(table);
  }

  /**
   * Describes {@code tables} as {@code backend} stores them: its own description where it gives
   * one, else its JDBC metadata in its schema, which the unparsed SQL then names. Those of
   * {@code optional} (aggregate tables) are described when present and left out when not.
   */
  static CalciteCatalog read(Backend backend, Set<String> tables, Set<String> optional) {
    Map<String, List<ColumnSpec>> declared = new LinkedHashMap<>();
    for (String table : tables) {
      backend.storedColumns(table).ifPresent(stored -> declared.put(table, stored.stream()
          .map(c -> new ColumnSpec(c.name(), typeOf(c.type(), 0), 0, 0, c.unitScale())).toList()));
    }
    if (declared.size() == tables.size()) {
      Set<String> present = optional.isEmpty() ? Set.of() : present(backend.dataSource(), backend.schema(), optional);
      for (String table : optional) {
        // described is not published: an aggregate the backend does not hold yet is never read
        if (!present.contains(table)) {
          continue;
        }
        backend.storedColumns(table).ifPresent(stored -> declared.put(table, stored.stream()
            .map(c -> new ColumnSpec(c.name(), typeOf(c.type(), 0), 0, 0, c.unitScale())).toList()));
      }
      return build(backend.schema(), declared);
    }
    return read(backend.dataSource(), backend.schema(), tables, optional);
  }

  /** Those of {@code tables} the backend's {@code schemaName} holds, by its JDBC metadata. */
  private static Set<String> present(DataSource dataSource, String schemaName, Set<String> tables) {
    Set<String> out = new java.util.HashSet<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      for (String table : tables) {
        try (ResultSet rs = meta.getTables(null, schemaName, table, null)) {
          if (rs.next()) {
            out.add(table);
          }
        }
      }
    } catch (SQLException e) {
      // the backend cannot say: read the base facts, which are always there
      return Set.of();
    }
    return out;
  }

  /** Reads {@code tables} (and those of {@code optional} that exist) from the backend's {@code schemaName}. */
  static CalciteCatalog read(DataSource dataSource, String schemaName, Set<String> tables, Set<String> optional) {
    Map<String, List<ColumnSpec>> columns = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      Set<String> all = new java.util.LinkedHashSet<>(tables);
      all.addAll(optional);
      for (String table : all) {
        List<ColumnSpec> specs = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schemaName, table, null)) {
          while (rs.next()) {
            specs.add(new ColumnSpec(rs.getString("COLUMN_NAME"),
                typeOf(rs.getString("TYPE_NAME"), rs.getInt("DATA_TYPE")),
                rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"), 0));
          }
        }
        if (specs.isEmpty() && optional.contains(table) && !tables.contains(table)) {
          continue;
        }
        if (specs.isEmpty()) {
          throw new IllegalStateException("table " + table + " named by the model is missing from the warehouse");
        }
        columns.put(table, specs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the warehouse's table metadata: " + e.getMessage(), e);
    }
    return build(schemaName, columns);
  }

  private static CalciteCatalog build(String schemaName, Map<String, List<ColumnSpec>> columns) {
    SchemaPlus root = Frameworks.createRootSchema(false);
    SchemaPlus schema = root.add(schemaName, new org.apache.calcite.schema.impl.AbstractSchema());
    columns.forEach((table, specs) -> schema.add(table, new MetadataTable(specs)));
    return new CalciteCatalog(Frameworks.newConfigBuilder().defaultSchema(schema).build(), Map.copyOf(columns));
  }

  RelBuilder builder() {
    Workspace w = workspace.get();
    // a fresh metadata query per plan: the cluster's caches every node asked about, which would
    // otherwise keep every plan this thread ever made
    w.cluster().invalidateMetadataQuery();
    return RelBuilder.proto(config.getContext()).create(w.cluster(), w.schema());
  }

  /**
   * RelBuilder.create(config) makes a whole Calcite prepare context (a connection, a planner
   * registering its default rules) per statement: most of a plan's time. A builder needs only a
   * cluster and the schema, so each thread makes those once and builds every statement on them.
   */
  private final ThreadLocal<Workspace> workspace = ThreadLocal.withInitial(this::newWorkspace);

  private record Workspace(org.apache.calcite.plan.RelOptCluster cluster, org.apache.calcite.plan.RelOptSchema schema) {
  }

  private Workspace newWorkspace() {
    return Frameworks.withPrepare(config, (cluster, relOptSchema, rootSchema, statement) ->
        new Workspace(cluster, relOptSchema));
  }

  private static SqlTypeName typeOf(String typeName, int jdbcType) {
    String t = typeName.toUpperCase(Locale.ROOT);
    if (t.startsWith("DECIMAL") || t.startsWith("NUMERIC")) {
      return SqlTypeName.DECIMAL;
    }
    return switch (t) {
      case "VARCHAR", "TEXT", "STRING" -> SqlTypeName.VARCHAR;
      case "INTEGER", "INT", "INT4" -> SqlTypeName.INTEGER;
      case "BIGINT", "INT8", "LONG" -> SqlTypeName.BIGINT;
      case "SMALLINT" -> SqlTypeName.SMALLINT;
      case "DOUBLE", "FLOAT8" -> SqlTypeName.DOUBLE;
      case "DATE" -> SqlTypeName.DATE;
      case "TIMESTAMP" -> SqlTypeName.TIMESTAMP;
      case "BOOLEAN", "BOOL" -> SqlTypeName.BOOLEAN;
      default -> SqlTypeName.VARCHAR;
    };
  }

  private record ColumnSpec(String name, SqlTypeName type, int precision, int scale, int unitScale) {
  }

  private static final class MetadataTable extends AbstractTable {
    private final List<ColumnSpec> columns;

    MetadataTable(List<ColumnSpec> columns) {
      this.columns = List.copyOf(columns);
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
      RelDataTypeFactory.Builder builder = factory.builder();
      for (ColumnSpec c : columns) {
        RelDataType type = switch (c.type()) {
          case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL,
              c.precision() > 0 ? c.precision() : 18, Math.max(c.scale(), 0));
          // Unicode, like the literals compared with them (QueryPlanner.text)
          case VARCHAR -> factory.createTypeWithCharsetAndCollation(factory.createSqlType(SqlTypeName.VARCHAR),
              StandardCharsets.UTF_8, SqlCollation.IMPLICIT);
          default -> factory.createSqlType(c.type());
        };
        builder.add(c.name(), factory.createTypeWithNullability(type, true));
      }
      return builder.build();
    }
  }
}
