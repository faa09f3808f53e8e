package org.telecube.server.cube.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.MemberRef;
import org.telecube.warehouse.query.Pivot;
import org.telecube.warehouse.query.ResultColumn;

/**
 * A cell set laid out as the analyst's pivot, as a grid of typed cells that CSV and XLSX only
 * have to print. Layout:
 * <ul>
 *   <li>one header row per column level (member captions, each over its group of measure
 *       columns), then a header row with the row levels' captions and the measure captions;</li>
 *   <li>one body row per row tuple: row level captions first, then for each column tuple one
 *       value per measure (base measures and their time-intelligence variants, as in
 *       {@code columns});</li>
 *   <li>with totals: a subtotal after each group of an outer level and a grand total last, on both
 *       axes, labelled 合计 / Total. When the row order splits groups (e.g. ordered by revenue),
 *       the row subtotals follow the body instead, so none sits among rows it does not sum.
 *       Totals that keep a time member carry its time-intelligence values; the others leave them blank;</li>
 *   <li>a partial period (fewer months of data than its length) is marked as the explorer marks
 *       it: 2025年第2季度（2/3个月）, Q2 2025 (2 of 3 months); a rate's change by difference is in
 *       percentage points, headed so;</li>
 *   <li>when the engine truncated the cells, a last row saying so: the file outlives the HTTP
 *       response, so a header would not reach whoever opens it, and the totals (which are not
 *       truncated) would silently disagree with the rows.</li>
 * </ul>
 * Without column levels this is a plain table: row level columns, then one column per measure.
 *
 * @param rows every row, headers first, all of the same width
 * @param headerRows how many leading rows are headers (to freeze and embolden)
 * @param labelColumns how many leading columns hold row member captions (to freeze)
 */
public record PivotTable(List<Row> rows, int headerRows, int labelColumns) {

  /** What a row is, for styling. */
  public enum Kind { HEADER, BODY, TOTAL, NOTE }

  public record Row(Kind kind, List<Cell> cells) {
    public Row {
      cells = List.copyOf(cells);
    }
  }

  /** A cell of the grid: text, a number with its measure's format, or nothing. */
  public sealed interface Cell permits Label, Amount, Blank {
  }

  /** Text; {@code span} > 1 when it heads that many columns (the next span-1 cells are blank). */
  public record Label(String text, int span) implements Cell {
    public Label(String text) {
      this(text, 1);
    }
  }

  /** A value; {@code format} is the measure's (currency, integer, number, percent) or points (percentage points). */
  public record Amount(Number value, String format) implements Cell {
  }

  public record Blank() implements Cell {
  }

  private static final Blank BLANK = new Blank();

  /** A place on an axis: a member tuple, or (fewer members than levels) a (sub)total of that prefix. */
  private record Slot(List<MemberRef> members, int levels) {
    boolean isTotal() {
      return members.size() < levels;
    }

    /** Member keys, null for rolled-up levels, as totals records hold them. */
    List<String> keys() {
      String[] keys = new String[levels];
      for (int i = 0; i < members.size(); i++) {
        keys[i] = members.get(i).key();
      }
      return Arrays.asList(keys);
    }
  }

  public static PivotTable of(CellSet set) {
    Language language = Language.parse(set.locale()).orElse(Language.ZH_CN);
    String total = language == Language.EN ? "Total" : "合计";
    Pivot pivot = set.pivot();
    List<String> rowLevels = pivot.rowLevels();
    List<String> columnLevels = pivot.columnLevels();
    List<ResultColumn> measures = set.columns().stream().filter(c -> "measure".equals(c.kind())).toList();
    Map<String, String> levelCaptions = new HashMap<>();
    set.columns().stream().filter(c -> "level".equals(c.kind())).forEach(c -> levelCaptions.put(c.name(), c.caption()));
    boolean totals = !set.totals().isEmpty();
    Map<String, CellSet.Period> partial = new HashMap<>();
    set.periods().stream().filter(CellSet.Period::partial).forEach(p -> partial.put(p.level() + "|" + p.key(), p));
    Captions captions = new Captions(total, language, partial);

    List<Slot> rowSlots = axis(pivot.rowTuples(), rowLevels.size(), totals);
    List<Slot> columnSlots = axis(pivot.columnTuples(), columnLevels.size(), totals);
    Map<List<String>, Map<String, Object>> cells = index(set.cells(), rowLevels, columnLevels);
    Map<List<String>, Map<String, Object>> totalRecords = index(set.totals(), rowLevels, columnLevels);

    int m = measures.size();
    int labels = rowLevels.size();
    int width = labels + columnSlots.size() * m;
    List<Row> rows = new ArrayList<>();
    for (int level = 0; level < columnLevels.size(); level++) {
      List<Cell> header = new ArrayList<>();
      for (int i = 0; i < labels; i++) {
        header.add(i == labels - 1 ? new Label(levelCaptions.get(columnLevels.get(level))) : BLANK);
      }
      for (Slot slot : columnSlots) {
        header.add(m == 0 ? BLANK : new Label(captions.of(slot, columnLevels, level), m));
        for (int i = 1; i < m; i++) {
          header.add(BLANK);
        }
      }
      rows.add(new Row(Kind.HEADER, header));
    }
    List<Cell> measureHeader = new ArrayList<>();
    rowLevels.forEach(l -> measureHeader.add(new Label(levelCaptions.get(l))));
    for (int i = 0; i < columnSlots.size(); i++) {
      measures.forEach(c -> measureHeader.add(new Label(inPoints(c) ? c.caption() + (language == Language.EN ? " (pp)" : "（个百分点）")
          : c.caption())));
    }
    rows.add(new Row(Kind.HEADER, measureHeader));

    for (Slot rowSlot : rowSlots) {
      List<Cell> row = new ArrayList<>();
      for (int level = 0; level < labels; level++) {
        String text = captions.of(rowSlot, rowLevels, level);
        row.add(text.isEmpty() ? BLANK : new Label(text));
      }
      for (Slot columnSlot : columnSlots) {
        List<String> key = new ArrayList<>(rowSlot.keys());
        key.addAll(columnSlot.keys());
        Map<String, Object> record = (rowSlot.isTotal() || columnSlot.isTotal() ? totalRecords : cells).get(key);
        for (ResultColumn measure : measures) {
          Object value = record == null ? null : record.get(measure.name());
          row.add(value instanceof Number n ? amount(n, measure) : BLANK);
        }
      }
      rows.add(new Row(rowSlot.isTotal() ? Kind.TOTAL : Kind.BODY, row));
    }
    if (set.truncated()) {
      String note = language == Language.EN
          ? "Result truncated at " + set.cells().size() + " rows"
          : "结果已截断：仅含前 " + set.cells().size() + " 行";
      List<Cell> row = new ArrayList<>(List.of(new Label(note)));
      while (row.size() < width) {
        row.add(BLANK);
      }
      rows.add(new Row(Kind.NOTE, row));
    }
    return new PivotTable(List.copyOf(rows), columnLevels.size() + 1, labels);
  }

  public int width() {
    return rows.isEmpty() ? 0 : rows.get(0).cells().size();
  }

  /**
   * A rate's change by difference is written in percentage points (1.2, headed "pp"), so the file
   * says what the explorer shows rather than a ratio of ratios.
   */
  private static boolean inPoints(ResultColumn measure) {
    return "difference".equals(measure.change()) && "percent".equals(measure.format());
  }

  private static Amount amount(Number n, ResultColumn measure) {
    if (inPoints(measure)) {
      return new Amount(new java.math.BigDecimal(CsvExport.plain(n)).movePointRight(2), "points");
    }
    return new Amount(n, measure.format());
  }

  /** Slot captions: members (a partial period with its months, as the explorer marks it), 合计 / Total. */
  private record Captions(String total, Language language, Map<String, CellSet.Period> partial) {
    /** Caption of a slot at one level: the member, the total where the slot rolls this level up, else empty. */
    String of(Slot slot, List<String> levels, int level) {
      if (level < slot.members().size()) {
        MemberRef member = slot.members().get(level);
        String caption = member.caption() != null ? member.caption() : String.valueOf(member.key());
        CellSet.Period p = partial.get(levels.get(level) + "|" + member.key());
        if (p == null) {
          return caption;
        }
        return caption + (language == Language.EN
            ? " (" + p.monthsWithData() + " of " + p.monthsInPeriod() + " months)"
            : "（" + p.monthsWithData() + "/" + p.monthsInPeriod() + "个月）");
      }
      return level == slot.members().size() ? total : "";
    }
  }

  /**
   * The slots of one axis. An axis without levels is one empty tuple (the measures alone), never
   * totalled: its total is the body itself.
   */
  private static List<Slot> axis(List<List<MemberRef>> tuples, int levels, boolean totals) {
    if (levels == 0) {
      return List.of(new Slot(List.of(), 0));
    }
    List<Slot> out = new ArrayList<>();
    if (!totals) {
      tuples.forEach(t -> out.add(new Slot(t, levels)));
      return out;
    }
    boolean grouped = grouped(tuples, levels);
    Set<List<MemberRef>> done = new HashSet<>();
    for (int i = 0; i < tuples.size(); i++) {
      List<MemberRef> tuple = tuples.get(i);
      out.add(new Slot(tuple, levels));
      // after the last member of a group, its subtotal, innermost group first
      for (int depth = levels - 1; grouped && depth >= 1; depth--) {
        List<MemberRef> prefix = List.copyOf(tuple.subList(0, depth));
        boolean last = i + 1 == tuples.size() || !tuples.get(i + 1).subList(0, depth).equals(prefix);
        if (last && done.add(prefix)) {
          out.add(new Slot(prefix, levels));
        }
      }
    }
    for (int depth = levels - 1; !grouped && depth >= 1; depth--) {
      Set<List<MemberRef>> prefixes = new LinkedHashSet<>();
      for (List<MemberRef> tuple : tuples) {
        prefixes.add(List.copyOf(tuple.subList(0, depth)));
      }
      prefixes.forEach(p -> out.add(new Slot(p, levels)));
    }
    if (!tuples.isEmpty()) {
      out.add(new Slot(List.of(), levels));
    }
    return out;
  }

  /** True when every group of an outer level is one run of consecutive tuples. */
  private static boolean grouped(List<List<MemberRef>> tuples, int levels) {
    for (int depth = 1; depth < levels; depth++) {
      Set<List<MemberRef>> seen = new HashSet<>();
      List<MemberRef> previous = null;
      for (List<MemberRef> tuple : tuples) {
        List<MemberRef> prefix = tuple.subList(0, depth);
        if (!prefix.equals(previous) && !seen.add(prefix)) {
          return false;
        }
        previous = prefix;
      }
    }
    return true;
  }

  /** Records by their level keys, row levels then column levels (nulls where rolled up). */
  private static Map<List<String>, Map<String, Object>> index(List<Map<String, Object>> records,
                                                              List<String> rowLevels, List<String> columnLevels) {
    Map<List<String>, Map<String, Object>> index = new HashMap<>();
    for (Map<String, Object> record : records) {
      List<String> key = new ArrayList<>();
      rowLevels.forEach(l -> key.add((String) record.get(l)));
      columnLevels.forEach(l -> key.add((String) record.get(l)));
      index.putIfAbsent(key, record);
    }
    return index;
  }
}
