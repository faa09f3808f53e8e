package org.telecube.server.cube;

import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.telecube.warehouse.model.Caption;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.DimensionUsage;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.model.Measure;

/** The model as the API shows it: names, captions in the asked language and in both. */
record CubeCatalog(String locale, List<CubeInfo> cubes) {

  record CubeInfo(String name, String caption, Map<String, String> captions, List<DimensionInfo> dimensions,
                  List<MeasureInfo> measures) {
  }

  /** {@code all}: the whole dimension, the root of a drill path (全部地区 / All regions). */
  record DimensionInfo(String name, String caption, Map<String, String> captions, String all,
                       Map<String, String> allCaptions, boolean time, List<LevelInfo> levels) {
  }

  record LevelInfo(String name, String qualifiedName, String caption, Map<String, String> captions) {
  }

  /**
   * {@code higherIsBetter}: whether a rise is good news (colours changes); {@code change}: relative
   * or difference, how a change against another period is computed and shown.
   */
  record MeasureInfo(String name, String caption, Map<String, String> captions, String kind, String format,
                     String formula, boolean higherIsBetter, String change) {
  }

  static CubeCatalog of(CubeModel model, Language language) {
    return new CubeCatalog(language.tag(), model.cubes().stream().map(c -> cube(c, language)).toList());
  }

  static CubeInfo cube(Cube c, Language language) {
    return new CubeInfo(c.name(), c.caption().in(language), c.caption().text(),
        c.dimensions().stream().map(d -> dimension(d, language)).toList(),
        c.measures().stream().map(m -> measure(m, language)).toList());
  }

  private static DimensionInfo dimension(DimensionUsage d, Language language) {
    Caption caption = d.dimension().caption();
    Caption all = d.dimension().all();
    return new DimensionInfo(d.name(), caption.in(language), caption.text(), all.in(language), all.text(),
        d.dimension().time(),
        d.levels().stream().map(l -> new LevelInfo(l.name(), l.qualifiedName(), l.caption().in(language),
            l.caption().text())).toList());
  }

  private static MeasureInfo measure(Measure m, Language language) {
    String kind = m instanceof Measure.Derived ? "derived" : m instanceof Measure.Across ? "across" : "stored";
    String formula = m instanceof Measure.Derived d ? d.formula() : null;
    return new MeasureInfo(m.name(), m.caption().in(language), m.caption().text(), kind,
        m.format().name().toLowerCase(Locale.ROOT), formula, m.higherIsBetter(),
        m.change().name().toLowerCase(Locale.ROOT));
  }
}
