package org.telecube.warehouse.model;

import java.util.Locale;
import java.util.Optional;

/** The languages every user-visible label exists in. Chinese is the default. */
public enum Language {
  ZH_CN("zh-CN"), EN("en");

  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }

  public Locale locale() {
    return this == ZH_CN ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  /** Parses zh, zh-CN, zh_CN, en, en-US ...; empty for anything else. Null means the default. */
  public static Optional<Language> parse(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.of(ZH_CN);
    }
    String t = tag.trim().replace('_', '-').toLowerCase(Locale.ROOT);
    if (t.equals("zh") || t.startsWith("zh-")) {
      return Optional.of(ZH_CN);
    }
    if (t.equals("en") || t.startsWith("en-")) {
      return Optional.of(EN);
    }
    return Optional.empty();
  }
}
