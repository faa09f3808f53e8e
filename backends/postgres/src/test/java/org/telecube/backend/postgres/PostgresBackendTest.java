package org.telecube.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.schema.AggregateTables;
import org.telecube.backend.duckdb.DuckDbBackend;
import org.telecube.backend.postgres.testing.EmbeddedPostgres;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.backend.BackendProvider;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.backend.Capabilities;
import org.telecube.warehouse.backend.WarehouseUnavailableException;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.Enumeration;
import org.telecube.warehouse.model.ModelLoader;

/** Opening, preparing and speaking to a real PostgreSQL; the star's DDL against the DuckDB work area's. */
class PostgresBackendTest {
  private static final CubeModel MODEL = ModelLoader.shipped();
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres pg;

  @TempDir
  Path dir;

  @BeforeAll
  static void startPostgres() {
    pg = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() {
    pg.close();
  }

  private BackendSettings settings(String url) {
    return new BackendSettings("postgres", dir, url, pg.user(), pg.password(), 0);
  }

  private Backend freshBackend() {
    return BackendProvider.openBackend(settings(pg.createDatabase("backend_" + DATABASES.incrementAndGet())));
  }

  @Test
  void opensByNameWithTheConnectionsSchemaAndNothingPublished() {
    String url = pg.createDatabase("by_name");
    try (Backend backend = BackendProvider.openBackend(settings(url))) {
      assertThat(backend).isInstanceOf(PostgresBackend.class);
      assertThat(backend.name()).isEqualTo("postgres");
      assertThat(backend.schema()).isEqualTo("public");
      assertThat(backend.location()).isEqualTo(url);
      assertThat(backend.capabilities()).isEqualTo(Capabilities.fullSql());
      assertThat(backend.publisher().inPlace()).isFalse();
      assertThat(backend.dataVersion()).as("before prepare: no ledger yet").isZero();
      backend.prepare(MODEL);
      assertThat(backend.dataVersion()).isZero();
    }
  }

  @Test
  void aMissingOrForeignUrlNamesTheSetting() {
    for (String url : List.of("", "jdbc:duckdb:/tmp/x", "jdbc:postgresql://127.0.0.1:notaport/telecube")) {
      assertThatThrownBy(() -> BackendProvider.openBackend(settings(url)))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("telecube.warehouse.url (TELECUBE_WAREHOUSE_URL)")
          .hasMessageContaining("jdbc:postgresql://host:5432/telecube");
    }
  }

  @Test
  void anUnreachableServerIsOneClearLineWithoutThePassword() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/telecube?password=url-secret&ApplicationName=tc";
    BackendSettings settings = new BackendSettings("postgres", dir, url, "telecube", "s3cret-pw", 0);
    assertThatThrownBy(() -> BackendProvider.openBackend(settings))
        .isInstanceOf(WarehouseUnavailableException.class)
        .hasMessageStartingWith("Cannot connect to the PostgreSQL warehouse jdbc:postgresql://127.0.0.1:" + port
            + "/telecube?password=…&ApplicationName=tc: ")
        .hasMessageContaining("refused")
        .hasMessageNotContaining("s3cret-pw")
        .hasMessageNotContaining("url-secret")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void urlsLoseTheirCredentialsInMessages() {
    assertThat(PostgresUrls.withoutCredentials("jdbc:postgresql://me:pw@db:5432/telecube?user=me&password=pw;x=1"))
        .isEqualTo("jdbc:postgresql://db:5432/telecube?user=…&password=…;x=1");
  }

  @Test
  void prepareTwiceChangesNothing() throws Exception {
    try (Backend backend = freshBackend()) {
      backend.prepare(MODEL);
      String first = catalog(backend);
      backend.prepare(MODEL);
      assertThat(catalog(backend)).isEqualTo(first);
      Enumeration vip = MODEL.enumerations().stream().filter(e -> e.table().equals("dim_vip_level")).findFirst().orElseThrow();
      try (Connection c = backend.dataSource().getConnection(); Statement st = c.createStatement();
           ResultSet rs = st.executeQuery("SELECT count(*), min(sort_order), max(sort_order) FROM dim_vip_level")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(vip.members().size());
        assertThat(rs.getInt(2)).isZero();
        assertThat(rs.getInt(3)).isEqualTo(vip.members().size() - 1);
      }
    }
  }

  /**
   * A warehouse published before fact_billing.first_line and the aggregate tables existed is
   * brought up to date when it is opened: the column set as a load sets it, the aggregates built
   * from its own facts, so nothing answers from an empty aggregate or a zero first_line.
   */
  @Test
  void aWarehousePublishedBeforeTheAggregatesIsBroughtUpToDateOnOpen() throws Exception {
    try (Backend backend = freshBackend()) {
      backend.prepare(MODEL);
      try (Connection c = backend.dataSource().getConnection(); Statement st = c.createStatement()) {
        st.execute("INSERT INTO fact_billing (month_key, subscriber_id, charge_item, plan_code, amount, paid_amount,"
            + " outstanding, city_code) VALUES (202501, 'S1', 'VOICE', 'P', 10, 10, 0, '4401'),"
            + " (202501, 'S1', 'DATA', 'P', 5, 5, 0, '4401'), (202502, 'S1', 'VOICE', 'P', 7, 7, 0, '4401'),"
            + " (202501, 'S2', 'VOICE', 'P', 3, 3, 0, '4403')");
        // as it was before: no first_line, no aggregate tables
        st.execute("ALTER TABLE fact_billing DROP COLUMN first_line");
        for (AggregateTables.Declared a : AggregateTables.all(MODEL)) {
          st.execute("DROP TABLE " + a.table());
        }
      }
      backend.prepare(MODEL);
      try (Connection c = backend.dataSource().getConnection(); Statement st = c.createStatement()) {
        try (ResultSet rs = st.executeQuery("SELECT month_key, subscriber_id, charge_item FROM fact_billing"
            + " WHERE first_line = 1 ORDER BY 1, 2")) {
          List<String> firsts = new ArrayList<>();
          while (rs.next()) {
            firsts.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3));
          }
          assertThat(firsts).containsExactly("202501 S1 DATA", "202501 S2 VOICE", "202502 S1 VOICE");
        }
        try (ResultSet rs = st.executeQuery("SELECT month_key, city_code, m_revenue, m_billed_subscribers"
            + " FROM agg_revenue_by_city ORDER BY 1, 2")) {
          List<String> rows = new ArrayList<>();
          while (rs.next()) {
            rows.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getBigDecimal(3).stripTrailingZeros().toPlainString()
                + " " + rs.getLong(4));
          }
          assertThat(rows).containsExactly("202501 4401 15 1", "202501 4403 3 1", "202502 4401 7 1");
        }
      }
    }
  }

  /** Every table the queries read has the work area's columns: same names, order and type family. */
  @Test
  void everyTableHasTheWorkAreasColumns() throws Exception {
    try (Backend postgres = freshBackend(); DuckDbBackend duckdb = DuckDbBackend.open(dir.resolve("work"))) {
      postgres.prepare(MODEL);
      duckdb.prepare(MODEL);
      Map<String, List<String>> pgTables = columns(postgres);
      Map<String, List<String>> workArea = columns(duckdb);
      List<String> expected = new ArrayList<>(List.of("dim_month", "dim_date", "dim_time_bridge", "dim_region",
          "dim_org", "dim_product", "dim_charge_item", "dim_subscriber", "fact_billing", "fact_subscriber_month",
          "fact_usage", "fact_service_event", "etl_batch", "telecube_publication"));
      MODEL.enumerations().forEach(e -> expected.add(e.table()));
      AggregateTables.all(MODEL).forEach(a -> expected.add(a.table()));
      assertThat(pgTables.keySet()).containsExactlyInAnyOrderElementsOf(expected);
      pgTables.remove("telecube_publication"); // the backend's own ledger
      for (Map.Entry<String, List<String>> table : pgTables.entrySet()) {
        assertThat(table.getValue()).as(table.getKey()).isNotEmpty().isEqualTo(workArea.get(table.getKey()));
      }
    }
  }

  @Test
  void chineseLiteralsRoundTripThroughTheDialect() throws Exception {
    String value = "华南 'O''Brien' \\n 𠀀 ünïcode";
    try (Backend backend = freshBackend(); Connection c = backend.dataSource().getConnection();
         Statement st = c.createStatement()) {
      String literal = SqlLiteral.createCharString(value, "UTF-8", SqlParserPos.ZERO)
          .toSqlString(backend.dialect()).getSql();
      assertThat(literal).doesNotContain("_UTF").doesNotContainIgnoringCase("u&");
      try (ResultSet rs = st.executeQuery("SELECT " + literal)) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(value);
      }
    }
    assertThatThrownBy(() -> UnicodePostgresDialect.INSTANCE.quoteStringLiteral(new StringBuilder(), null, "a\0b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Table → "column:family" in order, from JDBC metadata of the backend's schema (as CalciteCatalog reads it). */
  private static Map<String, List<String>> columns(Backend backend) throws Exception {
    Map<String, List<String>> tables = new TreeMap<>();
    try (Connection c = backend.dataSource().getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet rs = meta.getColumns(null, backend.schema(), "%", "%")) {
        while (rs.next()) {
          tables.computeIfAbsent(rs.getString("TABLE_NAME"), t -> new ArrayList<>())
              .add(rs.getInt("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME") + ":" + family(rs));
        }
      }
    }
    tables.values().forEach(cols -> cols.sort((a, b) -> Integer.compare(position(a), position(b))));
    return tables;
  }

  private static int position(String column) {
    return Integer.parseInt(column.substring(0, column.indexOf(' ')));
  }

  private static String family(ResultSet column) throws Exception {
    int type = column.getInt("DATA_TYPE");
    return switch (type) {
      case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR -> "varchar";
      case Types.DECIMAL, Types.NUMERIC -> "numeric(" + column.getInt("COLUMN_SIZE") + "," + column.getInt("DECIMAL_DIGITS") + ")";
      case Types.BIT, Types.BOOLEAN -> "boolean";
      case Types.DOUBLE, Types.FLOAT -> "double";
      case Types.SMALLINT -> "smallint";
      case Types.INTEGER -> "integer";
      case Types.BIGINT -> "bigint";
      case Types.DATE -> "date";
      case Types.TIMESTAMP -> "timestamp";
      default -> column.getString("TYPE_NAME").toLowerCase(Locale.ROOT) + "/" + type;
    };
  }

  /** Tables, columns and indexes of the public schema, as text. */
  private static String catalog(Backend backend) throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = backend.dataSource().getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT tablename || ' ' || indexname || ' ' || indexdef FROM pg_indexes"
             + " WHERE schemaname = current_schema() ORDER BY 1")) {
      while (rs.next()) {
        out.append(rs.getString(1)).append('\n');
      }
    }
    columns(backend).forEach((t, cols) -> out.append(t).append(cols).append('\n'));
    return out.toString();
  }
}
