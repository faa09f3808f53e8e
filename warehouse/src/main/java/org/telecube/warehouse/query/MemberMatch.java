package org.telecube.warehouse.query;

import java.text.Normalizer;
import java.util.Locale;

/** How a mistyped member key is compared with keys and captions when suggesting the one meant. */
final class MemberMatch {
  private MemberMatch() {
  }

  /**
   * The text with compatibility forms folded (full-width digits and letters to ASCII), invisible
   * format marks (zero-width space, RTL/LTR marks) and spaces removed, and case ignored.
   */
  static String fold(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    Normalizer.normalize(text, Normalizer.Form.NFKC).codePoints()
        .filter(c -> Character.getType(c) != Character.FORMAT && !Character.isWhitespace(c)
            && Character.getType(c) != Character.CONTROL)
        .forEach(out::appendCodePoint);
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
