package org.telecube.server.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The command line's own messages in the terminal's language: Chinese when the locale the JVM
 * took from the environment ({@code LANG}) is Chinese, English otherwise. (Report and query
 * output follow {@code --locale} instead.)
 */
final class CliMessages {
  private static final String BUNDLE = "org.telecube.server.cli.messages";

  private CliMessages() {
  }

  static String get(String key, Object... args) {
    return get(Locale.getDefault(), key, args);
  }

  static String get(Locale locale, String key, Object... args) {
    // no fallback to the JVM's default locale: a Turkish terminal gets the base (English) bundle
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }
}
