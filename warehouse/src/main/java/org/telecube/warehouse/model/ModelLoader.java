package org.telecube.warehouse.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the cube model from YAML and checks it: every reference resolves, names are unique, and
 * formulas name measures of their own cube. A broken model fails at start-up with the path of the
 * offending entry, never at query time.
 */
public final class ModelLoader {
  private static final String SHIPPED = "/org/telecube/warehouse/model/model.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ModelLoader() {
  }

  private static final class Holder {
    static final CubeModel SHIPPED_MODEL = loadResource(SHIPPED);
  }

  /** The model shipped with the product (parsed once). */
  public static CubeModel shipped() {
    return Holder.SHIPPED_MODEL;
  }

  static CubeModel loadResource(String resource) {
    try (InputStream in = ModelLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ModelException(resource, "model file missing from the build");
      }
      return load(in);
    } catch (IOException e) {
      throw new ModelException(resource, "cannot read: " + e.getMessage());
    }
  }

  public static CubeModel load(InputStream yaml) throws IOException {
    JsonNode root = YAML.readTree(yaml);
    List<Enumeration> enumerations = readEnumerations(root.path("enumerations"));
    Map<String, Enumeration> enumByName = new LinkedHashMap<>();
    enumerations.forEach(e -> enumByName.put(e.name(), e));
    List<Dimension> dimensions = readDimensions(root.path("dimensions"), enumByName);
    Map<String, Dimension> dimByName = new LinkedHashMap<>();
    dimensions.forEach(d -> dimByName.put(d.name(), d));
    List<Cube> cubes = new ArrayList<>();
    root.path("cubes").fields().forEachRemaining(e ->
        cubes.add(readCube("cubes." + e.getKey(), e.getKey(), e.getValue(), dimByName)));
    CubeModel model = new CubeModel(enumerations, dimensions, cubes);
    checkAcross(model);
    return model;
  }

  private static List<Enumeration> readEnumerations(JsonNode node) {
    List<Enumeration> out = new ArrayList<>();
    node.fields().forEachRemaining(e -> {
      String path = "enumerations." + e.getKey();
      List<Member> members = new ArrayList<>();
      for (JsonNode row : e.getValue()) {
        if (!row.isArray() || row.size() != 3) {
          throw new ModelException(path, "each member is [code, 中文, English]");
        }
        String code = string(path + "[" + members.size() + "][0]", row.get(0));
        members.add(new Member(code, Caption.of(string(path + "." + code + ".zh-CN", row.get(1)),
            string(path + "." + code + ".en", row.get(2)))));
      }
      out.add(new Enumeration(e.getKey(), members));
    });
    return out;
  }

  private static List<Dimension> readDimensions(JsonNode node, Map<String, Enumeration> enums) {
    List<Dimension> out = new ArrayList<>();
    node.fields().forEachRemaining(e -> {
      String name = e.getKey();
      String path = "dimensions." + name;
      JsonNode d = e.getValue();
      Caption caption = caption(path, d.path("caption"));
      Caption all = d.has("all") ? caption(path + ".all", d.path("all"))
          : Caption.of("全部" + caption.in(Language.ZH_CN), "All: " + caption.in(Language.EN));
      if (d.has("enumeration")) {
        String enumName = text(path, d, "enumeration");
        Enumeration en = enums.get(enumName);
        if (en == null) {
          throw new ModelException(path, "unknown enumeration " + enumName);
        }
        Level level = new Level(name, name, caption, "code",
            Map.of(Language.ZH_CN.tag(), "name_zh", Language.EN.tag(), "name_en"), "sort_order");
        out.add(new Dimension(name, caption, all, false, en.table(), "code", List.of(level)));
        return;
      }
      List<Level> levels = new ArrayList<>();
      for (JsonNode l : d.path("levels")) {
        String levelName = text(path + ".levels", l, "name");
        String levelPath = path + ".levels." + levelName;
        String key = text(levelPath, l, "key");
        Map<String, String> captions = new LinkedHashMap<>();
        l.path("captions").fields().forEachRemaining(c ->
            captions.put(c.getKey(), string(levelPath + ".captions." + c.getKey(), c.getValue())));
        levels.add(new Level(name, levelName, caption(levelPath, l.path("caption")), key, captions,
            l.has("order") ? text(levelPath, l, "order") : key));
      }
      if (levels.isEmpty()) {
        throw new ModelException(path, "a dimension needs levels or an enumeration");
      }
      out.add(new Dimension(name, caption, all, d.path("time").asBoolean(false), text(path, d, "table"),
          text(path, d, "key"), levels));
    });
    return out;
  }

  private static Cube readCube(String path, String name, JsonNode c, Map<String, Dimension> dims) {
    List<DimensionUsage> usages = new ArrayList<>();
    for (JsonNode u : c.path("dimensions")) {
      String dimName = text(path + ".dimensions", u, "dimension");
      Dimension dim = dims.get(dimName);
      String usagePath = path + ".dimensions." + dimName;
      if (dim == null) {
        throw new ModelException(usagePath, "unknown dimension");
      }
      List<Level> levels = dim.levels();
      if (u.has("levels")) {
        levels = new ArrayList<>();
        for (JsonNode ln : u.get("levels")) {
          String levelName = string(usagePath + ".levels", ln);
          levels.add(dim.level(levelName).orElseThrow(() ->
              new ModelException(usagePath, "unknown level " + levelName)));
        }
      }
      usages.add(new DimensionUsage(dim, text(usagePath, u, "foreign_key"),
          u.has("table") ? text(usagePath, u, "table") : dim.table(),
          u.has("key") ? text(usagePath, u, "key") : dim.key(), levels));
    }
    List<Measure> measures = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode m : c.path("measures")) {
      String measureName = text(path + ".measures", m, "name");
      String measurePath = path + ".measures." + measureName;
      if (!names.add(measureName)) {
        throw new ModelException(measurePath, "duplicate measure");
      }
      measures.add(readMeasure(measurePath, measureName, m));
    }
    Cube cube = new Cube(name, caption(path, c.path("caption")), text(path, c, "fact"),
        text(path, c, "time_column"), usages, measures, readAggregates(path, name, c.path("aggregates"), usages));
    checkAdditive(path, cube);
    for (Measure m : measures) {
      if (m instanceof Measure.Derived d) {
        for (String ref : Formula.parse(d.formula()).measureNames()) {
          if (cube.measure(ref).isEmpty() || ref.equals(d.name())) {
            throw new ModelException(path + ".measures." + d.name(), "formula names unknown measure " + ref);
          }
        }
      }
    }
    return cube;
  }

  /** {@code aggregates:} of a cube: unique names, dimensions the cube carries, each listed once. */
  private static List<AggregateTable> readAggregates(String path, String cube, JsonNode node,
                                                     List<DimensionUsage> usages) {
    List<AggregateTable> out = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw new ModelException(path + ".aggregates", "a list of {name, dimensions}");
    }
    Set<String> names = new HashSet<>();
    for (JsonNode a : node) {
      String name = text(path + ".aggregates", a, "name");
      String aggPath = path + ".aggregates." + name;
      if (!name.matches("[a-z][a-z0-9_]*")) {
        throw new ModelException(aggPath, "a name is lower-case letters, digits and _");
      }
      if (!names.add(name)) {
        throw new ModelException(aggPath, "duplicate aggregate");
      }
      if (!a.path("dimensions").isArray() || a.path("dimensions").isEmpty()) {
        throw new ModelException(aggPath, "dimensions must list the cube's dimensions it keeps");
      }
      List<String> dims = new ArrayList<>();
      for (JsonNode d : a.path("dimensions")) {
        String dim = string(aggPath + ".dimensions", d);
        if (usages.stream().noneMatch(u -> u.name().equals(dim))) {
          throw new ModelException(aggPath + ".dimensions", "unknown dimension " + dim + " (not in cube " + cube + ")");
        }
        if (dims.contains(dim)) {
          throw new ModelException(aggPath + ".dimensions", "dimension " + dim + " listed twice");
        }
        dims.add(dim);
      }
      out.add(new AggregateTable(name, "agg_" + cube + "_" + name, dims));
    }
    return out;
  }

  private static Measure readMeasure(String path, String name, JsonNode m) {
    Caption caption = caption(path, m.path("caption"));
    MeasureFormat format = MeasureFormat.valueOf((m.has("format") ? text(path, m, "format") : "number")
        .toUpperCase(Locale.ROOT));
    Measure.Reading reading = reading(path, m, format);
    if (m.has("formula")) {
      return new Measure.Derived(name, caption, format, text(path, m, "formula"), reading);
    }
    if (m.has("from")) {
      String[] parts = text(path, m, "from").split("\\.", 2);
      if (parts.length != 2) {
        throw new ModelException(path, "from must be cube.measure");
      }
      return new Measure.Across(name, caption, format, parts[0], parts[1], reading);
    }
    Aggregate aggregate = Aggregate.valueOf(text(path, m, "aggregate").toUpperCase(Locale.ROOT));
    String column = m.has("column") ? text(path, m, "column") : null;
    if (column == null && (aggregate == Aggregate.SUM || aggregate == Aggregate.DISTINCT_COUNT)) {
      throw new ModelException(path, aggregate + " needs a column");
    }
    Map<String, List<String>> filter = new LinkedHashMap<>();
    m.path("filter").fields().forEachRemaining(f -> {
      List<String> values = new ArrayList<>();
      String filterPath = path + ".filter." + f.getKey();
      if (!f.getValue().isArray()) {
        throw new ModelException(filterPath, "a filter is a list of values");
      }
      f.getValue().forEach(v -> values.add(string(filterPath + "[" + values.size() + "]", v)));
      filter.put(f.getKey(), List.copyOf(values));
    });
    OverTime overTime = OverTime.valueOf((m.has("over_time") ? text(path, m, "over_time") : "sum")
        .toUpperCase(Locale.ROOT));
    return new Measure.Stored(name, caption, format, column, aggregate, overTime, filter,
        new BigDecimal(m.path("divide_by").asText("1")), reading, additive(path, m, aggregate, overTime, filter));
  }

  /**
   * {@code additive: {column, except: [dimension, ..]}} of a distinct count, or null. Only a
   * distinct count combined month by month, without a row filter, has one: its 0/1 column marks
   * one row per counted thing and month, so neither a count across months nor a filter that
   * might skip the marked row could add up. The column is the fact's (checked when queried); the
   * except dimensions are checked against the cube by {@link #checkAdditive}.
   */
  private static Measure.Additive additive(String path, JsonNode m, Aggregate aggregate, OverTime overTime,
                                           Map<String, List<String>> filter) {
    JsonNode a = m.path("additive");
    if (a.isMissingNode()) {
      return null;
    }
    String additivePath = path + ".additive";
    if (aggregate != Aggregate.DISTINCT_COUNT) {
      throw new ModelException(additivePath, "only a distinct count has an additive form");
    }
    if (overTime == OverTime.SUM) {
      throw new ModelException(additivePath, "a distinct count over a whole period (over_time: sum) does not add up"
          + " month by month; an additive form needs over_time average, first or last");
    }
    if (!filter.isEmpty()) {
      throw new ModelException(additivePath, "a filtered distinct count has no additive form (the filter may skip the"
          + " marked row)");
    }
    Set<String> except = new LinkedHashSet<>();
    JsonNode list = a.path("except");
    if (!list.isMissingNode() && !list.isArray()) {
      throw new ModelException(additivePath + ".except", "a list of dimensions");
    }
    list.forEach(e -> except.add(string(additivePath + ".except", e)));
    return new Measure.Additive(text(additivePath, a, "column"), except);
  }

  /** Every dimension an additive form does not add up over is one the cube has. */
  private static void checkAdditive(String path, Cube cube) {
    for (Measure m : cube.measures()) {
      if (m instanceof Measure.Stored s && s.additive() != null) {
        for (String d : s.additive().except()) {
          if (cube.dimension(d).isEmpty()) {
            throw new ModelException(path + ".measures." + s.name() + ".additive.except", "unknown dimension " + d
                + " of cube " + cube.name());
          }
        }
      }
    }
  }

  /** {@code higher_is_better} (default true) and {@code change} (default by format: rates difference). */
  private static Measure.Reading reading(String path, JsonNode m, MeasureFormat format) {
    Measure.Reading defaults = Measure.Reading.defaultFor(format);
    JsonNode better = m.path("higher_is_better");
    if (!better.isMissingNode() && !better.isBoolean()) {
      throw new ModelException(path, "higher_is_better must be true or false");
    }
    Measure.Change change = defaults.change();
    if (m.has("change")) {
      String text = text(path, m, "change").toUpperCase(Locale.ROOT);
      try {
        change = Measure.Change.valueOf(text);
      } catch (IllegalArgumentException e) {
        throw new ModelException(path, "change must be relative or difference");
      }
    }
    return new Measure.Reading(better.isMissingNode() ? defaults.higherIsBetter() : better.booleanValue(), change);
  }

  private static void checkAcross(CubeModel model) {
    for (Cube cube : model.cubes()) {
      for (Measure m : cube.measures()) {
        if (m instanceof Measure.Across a) {
          String path = "cubes." + cube.name() + ".measures." + a.name();
          Cube other = model.cube(a.cube()).orElseThrow(() -> new ModelException(path, "unknown cube " + a.cube()));
          Measure target = other.measure(a.measure()).orElseThrow(() ->
              new ModelException(path, "unknown measure " + a.cube() + "." + a.measure()));
          if (!(target instanceof Measure.Stored)) {
            throw new ModelException(path, "can only bring a stored measure across");
          }
        }
      }
    }
  }

  private static Caption caption(String path, JsonNode node) {
    if (!node.isObject() || !node.has(Language.ZH_CN.tag()) || !node.has(Language.EN.tag())) {
      throw new ModelException(path, "caption needs zh-CN and en");
    }
    return Caption.of(string(path + ".caption.zh-CN", node.get(Language.ZH_CN.tag())),
        string(path + ".caption.en", node.get(Language.EN.tag())));
  }

  private static String text(String path, JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new ModelException(path, "missing " + field);
    }
    return string(path + "." + field, v);
  }

  /**
   * A name, key or caption exactly as written. YAML 1.1 reads some plain scalars as other types
   * ({@code 25_34} as the integer 2534, {@code yes}/{@code on} as true, {@code ~} as null), and
   * converting them back would silently change the key, so anything but a string is refused:
   * quote it in the model.
   */
  private static String string(String path, JsonNode v) {
    if (v == null || !v.isTextual()) {
      String read = v == null || v.isMissingNode() ? "nothing" : v.isNull() ? "null"
          : v.isBoolean() ? "the boolean " + v.asText() : v.isNumber() ? "the number " + v.asText()
          : "a " + v.getNodeType().name().toLowerCase(Locale.ROOT);
      throw new ModelException(path, "must be a string, but YAML reads it as " + read + "; quote it");
    }
    return v.textValue();
  }
}
