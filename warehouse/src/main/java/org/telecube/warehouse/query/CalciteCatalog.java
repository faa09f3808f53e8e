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
 * Describes the warehouse tables to Calcite (names and column types read once from the database's
 * metadata) so RelBuilder can plan over them. Calcite never executes anything: plans are unparsed
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

  /** Reads {@code tables} from the backend's {@code schemaName}, which the unparsed SQL then names. */
  static CalciteCatalog read(DataSource dataSource, String schemaName, Set<String> tables) {
    SchemaPlus root = Frameworks.createRootSchema(false);
    SchemaPlus schema = root.add(schemaName, new org.apache.calcite.schema.impl.AbstractSchema());
    Map<String, List<ColumnSpec>> columns = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      for (String table : tables) {
        List<ColumnSpec> specs = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schemaName, table, null)) {
          while (rs.next()) {
            specs.add(new ColumnSpec(rs.getString("COLUMN_NAME"),
                typeOf(rs.getString("TYPE_NAME"), rs.getInt("DATA_TYPE")),
                rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS")));
          }
        }
        if (specs.isEmpty()) {
          throw new IllegalStateException("table " + table + " named by the model is missing from the warehouse");
        }
        columns.put(table, specs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the warehouse's table metadata: " + e.getMessage(), e);
    }
    columns.forEach((table, specs) -> schema.add(table, new MetadataTable(specs)));
    return new CalciteCatalog(Frameworks.newConfigBuilder().defaultSchema(schema).build(), Map.copyOf(columns));
  }

  RelBuilder builder() {
    return RelBuilder.create(config);
  }

  private static SqlTypeName typeOf(String typeName, int jdbcType) {
    String t = typeName.toUpperCase(Locale.ROOT);
    if (t.startsWith("DECIMAL") || t.startsWith("NUMERIC")) {
      return SqlTypeName.DECIMAL;
    }
    return switch (t) {
      case "VARCHAR", "TEXT", "STRING" -> SqlTypeName.VARCHAR;
      case "INTEGER", "INT", "INT4" -> SqlTypeName.INTEGER;
      case "BIGINT", "INT8" -> SqlTypeName.BIGINT;
      case "SMALLINT" -> SqlTypeName.SMALLINT;
      case "DOUBLE", "FLOAT8" -> SqlTypeName.DOUBLE;
      case "DATE" -> SqlTypeName.DATE;
      case "TIMESTAMP" -> SqlTypeName.TIMESTAMP;
      case "BOOLEAN", "BOOL" -> SqlTypeName.BOOLEAN;
      default -> SqlTypeName.VARCHAR;
    };
  }

  private record ColumnSpec(String name, SqlTypeName type, int precision, int scale) {
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
