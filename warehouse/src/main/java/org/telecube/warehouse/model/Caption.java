package org.telecube.warehouse.model;

import java.util.Map;

/** Text in each supported language, keyed by {@link Language} tag (zh-CN, en). */
public record Caption(Map<String, String> text) {
  public Caption {
    text = Map.copyOf(text);
  }

  public static Caption of(String zh, String en) {
    return new Caption(Map.of(Language.ZH_CN.tag(), zh, Language.EN.tag(), en));
  }

  /** The text in {@code language}, falling back to Chinese, the product's default. */
  public String in(Language language) {
    String value = text.get(language.tag());
    return value != null ? value : text.getOrDefault(Language.ZH_CN.tag(), "");
  }
}
