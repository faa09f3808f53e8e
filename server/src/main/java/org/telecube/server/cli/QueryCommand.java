package org.telecube.server.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.Explain;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.LevelFilter;
import org.telecube.warehouse.query.OrderKey;
import org.telecube.warehouse.query.QueryEngine;
import org.telecube.warehouse.query.QueryException;
import org.telecube.warehouse.query.ResultColumn;
import org.telecube.backend.duckdb.DuckDbBackend;
import org.telecube.warehouse.backend.WarehouseUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code telecube query}: ask a cube and print the answer as a table. */
@Command(name = "query", mixinStandardHelpOptions = true, description = "Query a cube and print a table "
    + "(through the running server when it holds the warehouse).",
    footer = {"", "Examples:",
        "  telecube query --cube revenue --measures revenue,arpu --rows region.province --filter time.year=2025",
        "  telecube query --cube subscribers --measures active_end,churned,churn_rate --rows time.month "
            + "--filter region.province=440000 --ti previous_period_change --locale en"})
final class QueryCommand implements Callable<Integer> {
  @ParentCommand
  TelecubeCommand root;

  @Option(names = "--cube", required = true, description = "Cube: revenue, subscribers, usage, service.")
  String cube;

  @Option(names = "--measures", required = true, split = ",", description = "Measures, comma-separated.")
  List<String> measures;

  @Option(names = "--rows", split = ",", description = "Row levels, e.g. region.province,time.month.")
  List<String> rows = new ArrayList<>();

  @Option(names = "--columns", split = ",", description = "Column levels.")
  List<String> columns = new ArrayList<>();

  @Option(names = "--filter", description = "LEVEL=KEY[,KEY...] or LEVEL=FROM..TO for time; repeatable.")
  List<String> filters = new ArrayList<>();

  @Option(names = "--order", split = ",", description = "Sort keys: NAME[:asc|:desc].")
  List<String> order = new ArrayList<>();

  @Option(names = "--limit", description = "At most this many rows.")
  Integer limit;

  @Option(names = "--locale", defaultValue = "zh-CN", description = "zh-CN (default) or en.")
  String locale;

  @Option(names = "--totals", description = "Also print subtotals and grand totals.")
  boolean totals;

  @Option(names = "--ti", split = ",", description = "Time intelligence: previous_period, previous_period_change, "
      + "same_period_last_year, same_period_last_year_change, year_to_date.")
  List<String> timeIntelligence = new ArrayList<>();

  @Option(names = {"--explain", "--sql"}, description = "Print what the query runs first: backend, dialect, "
      + "Calcite's plan and every SQL statement.")
  boolean sql;

  @Mixin
  ServerOption server;

  @Override
  public Integer call() {
    CubeQuery query = new CubeQuery(cube, measures, rows, columns, parseFilters(filters), parseOrder(order), limit,
        locale, totals, timeIntelligence);
    Warehouse warehouse;
    try {
      warehouse = Warehouse.open(root.backendSettings());
    } catch (WarehouseUnavailableException e) {
      // only a work area another process holds is handed to a server; an unreachable database is the error
      if (server.url() == null || !DuckDbBackend.inUse(e)) {
        throw e;
      }
      // a running server holds the file: ask it the same query and print its answer the same way
      ServerClient client = ServerClient.holding(server.url(), server.token, root.dataDir);
      if (sql) {
        System.err.println("(--explain: not shown, the query runs on the server at " + server.url() + ")");
      }
      print(client.query(query));
      return 0;
    }
    try (warehouse) {
      QueryEngine engine = new QueryEngine(warehouse.backend(), warehouse.model());
      if (sql) {
        printExplain(engine.explain(query));
      }
      CellSet result = engine.execute(query);
      print(result);
    }
    return 0;
  }

  private static void printExplain(Explain explain) {
    System.out.println("backend: " + explain.backend() + " (" + explain.dialect() + ")");
    System.out.println("plan:");
    System.out.println(explain.plan().strip());
    for (Explain.Statement s : explain.statements()) {
      System.out.println();
      System.out.println("-- " + s.purpose());
      for (Explain.Source t : s.tables()) {
        System.out.println("-- reads " + t.table() + " for " + t.cube()
            + (t.rejected().isEmpty() ? "" : "; not " + String.join("; ", t.rejected())));
      }
      System.out.println(s.sql() + ";");
    }
    System.out.println();
  }

  private static void print(CellSet result) {
    List<ResultColumn> columns = result.columns();
    List<String> header = columns.stream().map(ResultColumn::caption).toList();
    List<List<String>> body = new ArrayList<>();
    for (Map<String, Object> cell : result.cells()) {
      body.add(line(columns, cell, false));
    }
    for (Map<String, Object> cell : result.totals()) {
      body.add(line(columns, cell, true));
    }
    List<Boolean> numeric = columns.stream().map(c -> c.kind().equals("measure")).toList();
    System.out.print(TextTable.render(header, body, numeric));
    System.out.printf("%d rows%s, %d ms%n", result.cells().size(),
        result.truncated() ? " (truncated: more exist; use --limit or filters)" : "", result.elapsedMillis());
  }

  private static List<String> line(List<ResultColumn> columns, Map<String, Object> cell, boolean total) {
    List<String> out = new ArrayList<>();
    for (ResultColumn c : columns) {
      if (c.kind().equals("level")) {
        Object caption = cell.get(c.name() + ".caption");
        out.add(caption == null ? (total ? "Σ" : "") : caption.toString());
      } else {
        out.add(NumberFormats.format(cell.get(c.name()), c.format()));
      }
    }
    return out;
  }

  static List<LevelFilter> parseFilters(List<String> specs) {
    List<LevelFilter> out = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      String spec = specs.get(i);
      int eq = spec.indexOf('=');
      if (eq <= 0) {
        throw new QueryException("filters[" + i + "]", "bad_filter", "write a filter as LEVEL=KEY[,KEY] or LEVEL=FROM..TO, got \"" + spec + "\"");
      }
      String level = spec.substring(0, eq);
      String value = spec.substring(eq + 1);
      int range = value.indexOf("..");
      if (range >= 0) {
        String from = value.substring(0, range);
        String to = value.substring(range + 2);
        out.add(LevelFilter.range(level, from.isEmpty() ? null : from, to.isEmpty() ? null : to));
      } else {
        out.add(new LevelFilter(level, List.of(value.split(",")), null, null));
      }
    }
    return out;
  }

  static List<OrderKey> parseOrder(List<String> specs) {
    return specs.stream().map(s -> s.endsWith(":desc") ? OrderKey.desc(s.substring(0, s.length() - 5))
        : OrderKey.asc(s.endsWith(":asc") ? s.substring(0, s.length() - 4) : s)).toList();
  }
}
