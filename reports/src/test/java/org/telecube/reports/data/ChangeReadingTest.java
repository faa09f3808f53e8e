package org.telecube.reports.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.model.ModelLoader;

/**
 * A report reads a change as the shipped model declares its measure: revenue and ARPU rise is good
 * news and relative; churned, arrears and at-risk rising is bad news; the churn rate's change is a
 * difference in percentage points. Runs in tr-TR: the text still has a point and a plain "pp".
 */
class ChangeReadingTest {
  private static final CubeModel MODEL = ModelLoader.shipped();
  private static final ReportMessages ZH = ReportMessages.of(Language.ZH_CN);
  private static final ReportMessages EN = ReportMessages.of(Language.EN);

  private static ChangeReading change(String cube, String measure, Double value) {
    return ChangeReading.of(MODEL, cube, measure, value);
  }

  @Test
  void churnRateChangesByPercentagePointsAndARiseIsBad() {
    ChangeReading rose = change("subscribers", "churn_rate", 0.0312 - 0.0191);
    assertThat(rose.inPoints()).isTrue();
    assertThat(rose.text(ZH)).isEqualTo("+1.2 个百分点");
    assertThat(rose.text(EN)).isEqualTo("+1.2 pp");
    assertThat(rose.tone()).isEqualTo(ChangeReading.Tone.BAD);
    assertThat(rose.cellValue()).isCloseTo(1.21, org.assertj.core.data.Offset.offset(1e-9));
    ChangeReading fell = change("subscribers", "churn_rate", -0.003);
    assertThat(fell.text(EN)).isEqualTo("-0.3 pp");
    assertThat(fell.tone()).isEqualTo(ChangeReading.Tone.GOOD);
    ChangeReading share = change("subscribers", "at_risk_share", 0.004);
    assertThat(share.text(ZH)).isEqualTo("+0.4 个百分点");
    assertThat(share.bad()).isTrue();
  }

  @Test
  void higherIsBetterMeasuresAreGoodWhenTheyRiseAndBadWhenTheyFall() {
    ChangeReading fell = change("revenue", "revenue", -0.052);
    assertThat(fell.text(ZH)).isEqualTo("-5.2%");
    assertThat(fell.tone()).isEqualTo(ChangeReading.Tone.BAD);
    assertThat(change("revenue", "revenue", 0.034).tone()).isEqualTo(ChangeReading.Tone.GOOD);
    assertThat(change("revenue", "arpu", -0.01).bad()).isTrue();
    assertThat(change("revenue", "arpu", 0.01).text(EN)).isEqualTo("+1.0%");
  }

  @Test
  void higherIsWorseMeasuresAreBadWhenTheyRise() {
    assertThat(change("subscribers", "churned", 0.71).text(EN)).isEqualTo("+71.0%");
    assertThat(change("subscribers", "churned", 0.71).tone()).isEqualTo(ChangeReading.Tone.BAD);
    assertThat(change("subscribers", "churned", -0.2).tone()).isEqualTo(ChangeReading.Tone.GOOD);
    assertThat(change("revenue", "arrears", 0.1).bad()).isTrue();
    assertThat(change("subscribers", "at_risk", 0.1).bad()).isTrue();
  }

  @Test
  void noChangeOrNoBaseIsNeitherGoodNorBad() {
    assertThat(change("revenue", "revenue", -0.0004).tone()).isEqualTo(ChangeReading.Tone.FLAT);
    assertThat(change("revenue", "revenue", -0.0004).text(EN)).isEqualTo("0.0%");
    assertThat(change("subscribers", "churn_rate", null).text(ZH)).isEqualTo(ReportNumbers.MISSING);
    assertThat(change("subscribers", "churn_rate", null).tone()).isEqualTo(ChangeReading.Tone.FLAT);
    assertThat(change("subscribers", "churn_rate", null).cellValue()).isNull();
  }
}
