package org.telecube.warehouse.churn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChurnListsTest {
  @Test
  void masksTheMiddleOfTheNumber() {
    assertThat(ChurnLists.mask("13812341234")).isEqualTo("138****1234");
    assertThat(ChurnLists.mask("1234")).isEqualTo("****");
    assertThat(ChurnLists.mask("")).isNull();
    assertThat(ChurnLists.mask(null)).isNull();
  }
}
