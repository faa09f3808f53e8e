package org.telecube.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.telecube.warehouse.model.Language;

/**
 * Everything users read exists in zh-CN and en: every {@code *_zh_CN.properties} bundle of every
 * module has the keys (and the {0} arguments) of its {@code *_en} twin, the pages' own dictionaries
 * in their scripts have the same keys in both languages, and every error code the sources throw
 * has its text.
 */
class MessageBundlesTest {
  /** The bundles {@link ErrorMessages} formats error codes from. */
  private static final List<String> ERROR_BUNDLES = List.of("org.telecube.server.system.errors",
      "org.telecube.reports.errors", "org.telecube.warehouse.query.messages");
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[},]");
  private static final Path MODULES = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyBundleHasTheSameKeysAndArgumentsInBothLanguages() throws IOException {
    Resource[] chinese = new PathMatchingResourcePatternResolver()
        .getResources("classpath*:org/telecube/**/*_zh_CN.properties");
    List<String> names = new ArrayList<>();
    for (Resource zh : chinese) {
      String url = zh.getURL().toString();
      Resource en = zh.createRelative(zh.getFilename().replace("_zh_CN.properties", "_en.properties"));
      assertThat(en.exists()).as("English twin of " + url).isTrue();
      Map<String, String> zhKeys = load(zh);
      Map<String, String> enKeys = load(en);
      assertSameKeys(url, zhKeys.keySet(), enKeys.keySet());
      for (String key : zhKeys.keySet()) {
        assertThat(arguments(zhKeys.get(key))).as(key + " in " + url).isEqualTo(arguments(enKeys.get(key)));
      }
      names.add(url.substring(url.indexOf("org/telecube/")));
    }
    // the API's errors, the reports' labels and errors, the mail: none may drop out of the scan
    assertThat(names).contains("org/telecube/server/system/errors_zh_CN.properties",
        "org/telecube/warehouse/query/messages_zh_CN.properties", "org/telecube/reports/errors_zh_CN.properties",
        "org/telecube/reports/messages_zh_CN.properties", "org/telecube/server/delivery/mail_zh_CN.properties");
  }

  @Test
  void everyPageDictionaryHasTheSameKeysInBothLanguages() throws IOException {
    Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:static/js/*.js");
    assertThat(scripts).hasSizeGreaterThanOrEqualTo(4);
    int dictionaries = 0;
    for (Resource script : scripts) {
      String source;
      try (InputStream in = script.getInputStream()) {
        source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      for (Dictionary d : dictionaries(source)) {
        assertSameKeys(script.getFilename() + ", the dictionary at offset " + d.offset(), d.zh(), d.en());
        dictionaries++;
      }
    }
    // telecube.js (2: messages, weekdays), explorer.js, schedules.js, charts.js
    assertThat(dictionaries).isGreaterThanOrEqualTo(5);
  }

  @Test
  void everyStringThePagesMarkUpHasADictionaryEntry() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath*:static/js/*.js")) {
      try (InputStream in = script.getInputStream()) {
        for (Dictionary d : dictionaries(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
          keys.addAll(d.zh());
        }
      }
    }
    Pattern marked = Pattern.compile("data-i18n(?:-[a-z-]+)?=\"([^\"]+)\"");
    Resource[] pages = new PathMatchingResourcePatternResolver().getResources("classpath*:static/*.html");
    assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
    for (Resource page : pages) {
      String html;
      try (InputStream in = page.getInputStream()) {
        html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Matcher m = marked.matcher(html);
      while (m.find()) {
        String key = m.group(1);
        // explorer.js adds its dictionary under "explorer."
        String unprefixed = key.startsWith("explorer.") ? key.substring("explorer.".length()) : key;
        assertThat(keys).as(page.getFilename() + " marks up " + key).containsAnyOf(key, unprefixed);
      }
    }
  }

  @Test
  void theDictionaryParserSeesAMissingKey() {
    String script = "const T = {\n  'zh-CN': { a: '甲', 'b.c': '乙{x}', d: [1, 2] },\n  en: { a: 'A', d: [1, 2] },\n};";
    List<Dictionary> found = dictionaries(script);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).zh()).containsExactly("a", "b.c", "d");
    assertThat(found.get(0).en()).containsExactly("a", "d");
  }

  @Test
  void everyErrorCodeThrownHasItsTextInBothLanguages() throws IOException {
    Map<String, String> thrown = thrownCodes();
    // the scan sees the codes of every module that raises them
    assertThat(thrown).containsKeys("unknown_measure", "bad_date", "unknown_scope", "bad_address", "missing_files",
        "unknown_parameter", "not_found", "internal_error", "malformed_body");
    for (Language language : Language.values()) {
      Set<String> known = new TreeSet<>();
      for (String base : ERROR_BUNDLES) {
        try {
          known.addAll(ResourceBundle.getBundle(base, language.locale(),
              ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).keySet());
        } catch (MissingResourceException e) {
          // no bundle: every code of it is missing
        }
      }
      Map<String, String> missing = new TreeMap<>(thrown);
      missing.keySet().removeAll(known);
      assertThat(missing).as("codes thrown (→ where) without a " + language.tag() + " text in " + ERROR_BUNDLES)
          .isEmpty();
    }
  }

  @Test
  void aCodeWithoutTextFallsBackToTheEnglishMessage() {
    assertThat(ErrorMessages.format(Language.ZH_CN, ErrorMessages.QUERY, "brand_new_code", List.of("x"),
        "brand new, in English")).isEqualTo("brand new, in English");
    assertThat(ErrorMessages.format(Language.ZH_CN, ErrorMessages.QUERY, null, List.of(), null)).isNull();
    // a code of another module's bundle is still found; missing arguments stay visible, never a crash
    assertThat(ErrorMessages.format(Language.EN, ErrorMessages.QUERY, "bad_address", List.of(), "x"))
        .isEqualTo("bad email address \"{0}\" in {1}");
    assertThat(ErrorMessages.format(Language.ZH_CN, ErrorMessages.REPORTS, "bad_date", List.of("2025-13", "YYYY-MM"),
        "x")).isEqualTo("月份“2025-13”格式不对（应为 YYYY-MM）。");
  }

  private static void assertSameKeys(String where, java.util.Collection<String> zh, java.util.Collection<String> en) {
    Set<String> onlyZh = new TreeSet<>(zh);
    onlyZh.removeAll(en);
    Set<String> onlyEn = new TreeSet<>(en);
    onlyEn.removeAll(zh);
    assertThat(onlyZh).as(where + ": keys missing in en").isEmpty();
    assertThat(onlyEn).as(where + ": keys missing in zh-CN").isEmpty();
    assertThat(zh).as(where + ": list lengths or duplicate keys").hasSameSizeAs(en);
  }

  /** Error codes in the main sources: code → the file that throws it. */
  private static Map<String, String> thrownCodes() throws IOException {
    Pattern call = Pattern.compile("new QueryException\\(|new ReportException\\(|ReportException\\.(?:badParameter|notFound|forbidden)\\("
        + "|ScheduleException\\.(?:invalid|notFound)\\(|ApiException\\.badRequest\\(|new ApiException\\(|Problems\\.of\\(");
    Pattern code = Pattern.compile("\"([a-z]+(?:_[a-z]+)+)\"");
    Map<String, String> codes = new TreeMap<>();
    for (String module : List.of("warehouse", "etl", "reports", "server")) {
      try (Stream<Path> files = Files.walk(MODULES.resolve(module).resolve("src/main/java"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file);
          Matcher m = call.matcher(source);
          while (m.find()) {
            String arguments = arguments(source, m.end());
            Matcher c = code.matcher(arguments);
            if (c.find()) {
              codes.putIfAbsent(c.group(1), MODULES.relativize(file).toString());
            }
          }
          if (file.endsWith("Problems.java") || file.endsWith("ProblemReportValve.java")) {
            // codes by HTTP status
            Matcher s = Pattern.compile("(?:->|[?:=])\\s*\"([a-z]+(?:_[a-z]+)+)\"").matcher(source);
            while (s.find()) {
              codes.putIfAbsent(s.group(1), MODULES.relativize(file).toString());
            }
          }
        }
      }
    }
    return codes;
  }

  /** The text of a call's arguments from just after its opening parenthesis (strings skipped whole). */
  private static String arguments(String source, int start) {
    int depth = 1;
    for (int i = start; i < source.length(); i++) {
      char ch = source.charAt(i);
      if (ch == '"') {
        i = endOfString(source, i, '"');
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')' && --depth == 0) {
        return source.substring(start, i);
      }
    }
    return source.substring(start);
  }

  private static Map<String, String> load(Resource resource) throws IOException {
    Properties p = new Properties();
    try (Reader in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    Map<String, String> out = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
    return out;
  }

  private static Set<String> arguments(String pattern) {
    Set<String> out = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(pattern.replaceAll("'[^']*'", ""));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  // ---------------------------------------------------------------- the pages' dictionaries

  /** The keys (or the length, for a list) of one zh-CN dictionary and of the en one that follows it. */
  record Dictionary(int offset, List<String> zh, List<String> en) {
  }

  private static final Pattern CHINESE = Pattern.compile("(?:'zh-CN'|\"zh-CN\"|\\bzh)\\s*:\\s*([\\[{])");
  private static final Pattern ENGLISH = Pattern.compile("\\G[\\s,]*(?:'en'|\"en\"|\\ben)\\s*:\\s*([\\[{])");

  static List<Dictionary> dictionaries(String script) {
    List<Dictionary> out = new ArrayList<>();
    Matcher zh = CHINESE.matcher(script);
    int from = 0;
    while (zh.find(from)) {
      int zhStart = zh.start(1);
      int zhEnd = endOfBlock(script, zhStart);
      Matcher en = ENGLISH.matcher(script);
      if (!en.find(zhEnd + 1)) {
        throw new AssertionError("a zh-CN dictionary at offset " + zh.start() + " has no en twin right after it");
      }
      int enStart = en.start(1);
      int enEnd = endOfBlock(script, enStart);
      out.add(new Dictionary(zh.start(), keys(script, zhStart, zhEnd), keys(script, enStart, enEnd)));
      from = enEnd + 1;
    }
    return out;
  }

  /** The top-level keys of the object literal (or "#n", the length of the array) between open and close. */
  private static List<String> keys(String s, int open, int close) {
    List<String> segments = new ArrayList<>();
    StringBuilder segment = new StringBuilder();
    int depth = 0;
    for (int i = open + 1; i < close; i++) {
      char ch = s.charAt(i);
      if (ch == '\'' || ch == '"' || ch == '`') {
        int end = endOfString(s, i, ch);
        segment.append(s, i, end + 1);
        i = end;
      } else if (ch == '/' && s.charAt(i + 1) == '/') {
        i = s.indexOf('\n', i);
      } else if (ch == '/' && s.charAt(i + 1) == '*') {
        i = s.indexOf("*/", i) + 1;
      } else if (ch == ',' && depth == 0) {
        segments.add(segment.toString().trim());
        segment.setLength(0);
      } else {
        if (ch == '{' || ch == '[' || ch == '(') {
          depth++;
        } else if (ch == '}' || ch == ']' || ch == ')') {
          depth--;
        }
        segment.append(ch);
      }
    }
    segments.add(segment.toString().trim());
    segments.removeIf(String::isEmpty);
    if (s.charAt(open) == '[') {
      return List.of("#" + segments.size());
    }
    List<String> keys = new ArrayList<>();
    for (String entry : segments) {
      Matcher key = Pattern.compile("^(?:'([^']*)'|\"([^\"]*)\"|([\\w$]+))\\s*:").matcher(entry);
      keys.add(key.find() ? (key.group(1) != null ? key.group(1) : key.group(2) != null ? key.group(2) : key.group(3))
          : entry);
    }
    return keys;
  }

  private static int endOfBlock(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\'' || ch == '"' || ch == '`') {
        i = endOfString(s, i, ch);
      } else if (ch == '{' || ch == '[') {
        depth++;
      } else if ((ch == '}' || ch == ']') && --depth == 0) {
        return i;
      }
    }
    throw new AssertionError("unclosed dictionary at offset " + open);
  }

  private static int endOfString(String s, int open, char quote) {
    for (int i = open + 1; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\') {
        i++;
      } else if (ch == quote) {
        return i;
      }
    }
    return s.length() - 1;
  }
}
