package jp.csr.review.judge;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.form.MarkRule;
import jp.csr.review.plan.Criterion;
import jp.csr.review.plan.Kpi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** PRODUCT.md §5, rule by rule, with its edges. */
class KpiJudgeTest {

	static Kpi kpi(Criterion judgement, String target, String unit) {
		return new Kpi("K1", "D", "M", "C", "text", "指標", judgement, target == null ? null : new BigDecimal(target), unit,
				null);
	}

	static Verdict judge(Kpi kpi, String value, String baseline) {
		BigDecimal number = value != null && value.matches("[-0-9.]+") ? new BigDecimal(value) : null;
		return KpiJudge.judge(kpi, value, number, baseline == null ? null : new BigDecimal(baseline));
	}

	@Test
	void atLeastIsAchievedFromTheTargetUpAndItsRateIsNotCapped() {
		Kpi kpi = kpi(Criterion.AT_LEAST, "100", "%");
		assertThat(judge(kpi, "100", null)).isEqualTo(new Verdict(Outcome.ACHIEVED, new BigDecimal("100")));
		assertThat(judge(kpi, "98.9", null)).isEqualTo(new Verdict(Outcome.NOT_ACHIEVED, new BigDecimal("98.9")));
		assertThat(judge(kpi, "120", null).rate()).isEqualByComparingTo("120");
		assertThat(judge(kpi(Criterion.AT_LEAST, "80", "%"), "96", null).rate()).isEqualByComparingTo("120");
	}

	@Test
	void atMostIsHundredPercentWhenAchievedElseTargetOverResult() {
		Kpi kpi = kpi(Criterion.AT_MOST, "4", "件");
		assertThat(judge(kpi, "4", null)).isEqualTo(new Verdict(Outcome.ACHIEVED, new BigDecimal("100")));
		assertThat(judge(kpi, "0", null).outcome()).isEqualTo(Outcome.ACHIEVED);
		assertThat(judge(kpi, "5", null)).isEqualTo(new Verdict(Outcome.NOT_ACHIEVED, new BigDecimal("80")));
	}

	@Test
	void atMostWithTargetZeroIsZeroPercentWhenMissed() {
		Kpi kpi = kpi(Criterion.AT_MOST, "0", "件");
		assertThat(judge(kpi, "0", null)).isEqualTo(new Verdict(Outcome.ACHIEVED, new BigDecimal("100")));
		assertThat(judge(kpi, "1", null)).isEqualTo(new Verdict(Outcome.NOT_ACHIEVED, BigDecimal.ZERO));
	}

	@ParameterizedTest
	@ValueSource(strings = { "維持", "達成", "取得", "あり", "○", "〇", "はい" })
	void maintainedByAnyYesWord(String word) {
		assertThat(judge(kpi(Criterion.MAINTAIN, null, ""), word, null))
			.isEqualTo(new Verdict(Outcome.ACHIEVED, new BigDecimal("100")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "未維持", "喪失", "取消", "なし", "×", "いいえ" })
	void lostByAnyNoWord(String word) {
		assertThat(judge(kpi(Criterion.MAINTAIN, null, ""), word, null))
			.isEqualTo(new Verdict(Outcome.NOT_ACHIEVED, BigDecimal.ZERO));
	}

	@Test
	void increaseAndDecreaseCompareWithTheBaselineAndHaveNoRate() {
		assertThat(judge(kpi(Criterion.INCREASE, null, "%"), "98.4", "97")).isEqualTo(Verdict.of(Outcome.ACHIEVED));
		assertThat(judge(kpi(Criterion.INCREASE, null, "%"), "97", "97")).isEqualTo(Verdict.of(Outcome.NOT_ACHIEVED));
		assertThat(judge(kpi(Criterion.DECREASE, null, "件"), "2", "3")).isEqualTo(Verdict.of(Outcome.ACHIEVED));
		assertThat(judge(kpi(Criterion.DECREASE, null, "件"), "3", "2")).isEqualTo(Verdict.of(Outcome.NOT_ACHIEVED));
	}

	@Test
	void aMissingBaselineCannotBeJudged() {
		assertThat(judge(kpi(Criterion.DECREASE, null, "件"), "2", null)).isEqualTo(Verdict.of(Outcome.UNDETERMINED));
		assertThat(judge(kpi(Criterion.INCREASE, null, "%"), "98.4", null)).isEqualTo(Verdict.of(Outcome.UNDETERMINED));
	}

	@Test
	void qualitativeTakesItsThreeWords() {
		Kpi kpi = kpi(Criterion.QUALITATIVE, null, "");
		assertThat(judge(kpi, "達成", null)).isEqualTo(Verdict.of(Outcome.ACHIEVED));
		assertThat(judge(kpi, "未達", null)).isEqualTo(Verdict.of(Outcome.NOT_ACHIEVED));
		assertThat(judge(kpi, "継続中", null)).isEqualTo(Verdict.of(Outcome.IN_PROGRESS));
	}

	@Test
	void noResultIsNotReported() {
		assertThat(judge(kpi(Criterion.AT_LEAST, "100", "%"), null, null)).isEqualTo(Verdict.of(Outcome.NOT_REPORTED));
		assertThat(judge(kpi(Criterion.QUALITATIVE, null, ""), "", null)).isEqualTo(Verdict.of(Outcome.NOT_REPORTED));
	}

	@Test
	void commitmentIsAchievedOnlyWhenEveryKpiIs() {
		assertThat(Outcome.ofCommitment(List.of(Outcome.ACHIEVED, Outcome.ACHIEVED))).isEqualTo(Outcome.ACHIEVED);
		assertThat(Outcome.ofCommitment(List.of(Outcome.ACHIEVED, Outcome.NOT_ACHIEVED, Outcome.IN_PROGRESS)))
			.isEqualTo(Outcome.NOT_ACHIEVED);
		assertThat(Outcome.ofCommitment(List.of(Outcome.ACHIEVED, Outcome.UNDETERMINED))).isEqualTo(Outcome.IN_PROGRESS);
		assertThat(Outcome.ofCommitment(List.of(Outcome.ACHIEVED, Outcome.NOT_SUBMITTED))).isEqualTo(Outcome.IN_PROGRESS);
		assertThat(Outcome.ofCommitment(List.of(Outcome.NOT_REPORTED, Outcome.IN_PROGRESS))).isEqualTo(Outcome.IN_PROGRESS);
	}

	@Test
	void commitmentWithNothingSubmittedOrReportedSaysSoNotInProgress() {
		assertThat(Outcome.ofCommitment(List.of(Outcome.NOT_SUBMITTED, Outcome.NOT_SUBMITTED)))
			.isEqualTo(Outcome.NOT_SUBMITTED);
		assertThat(Outcome.ofCommitment(List.of(Outcome.NOT_REPORTED, Outcome.NOT_REPORTED)))
			.isEqualTo(Outcome.NOT_REPORTED);
		assertThat(Outcome.ofCommitment(List.of(Outcome.NOT_SUBMITTED, Outcome.NOT_REPORTED)))
			.isEqualTo(Outcome.NOT_REPORTED);
		assertThat(Outcome.ofCommitment(List.of(Outcome.NOT_SUBMITTED, Outcome.NOT_ACHIEVED)))
			.isEqualTo(Outcome.NOT_ACHIEVED);
	}

	@Test
	void resultLineIsTheDisplayTextElseIndicatorValueAndUnit() {
		Kpi count = new Kpi("K1", "D", "M", "C", "重大インシデント件数0件", "重大インシデント件数", Criterion.AT_MOST, BigDecimal.ZERO,
				"件", null);
		assertThat(KpiJudge.resultLine(count, "1", "", Outcome.NOT_ACHIEVED)).isEqualTo("重大インシデント件数 1件");
		assertThat(KpiJudge.resultLine(count, "1", "重大インシデント件数1件", Outcome.NOT_ACHIEVED)).isEqualTo("重大インシデント件数1件");
		assertThat(KpiJudge.resultLine(count, null, "", Outcome.NOT_REPORTED)).isNull();
		// PRODUCT.md §6: thousands separated, the decimals kept as given
		Kpi emissions = new Kpi("K4", "D", "M", "C", "排出量12,000t-CO2以下", "排出量", Criterion.AT_MOST,
				new BigDecimal("12000"), "t-CO2", null);
		assertThat(KpiJudge.resultLine(emissions, "11800", "", Outcome.ACHIEVED)).isEqualTo("排出量 11,800t-CO2");
		assertThat(KpiJudge.resultLine(emissions, "1234567.50", "", Outcome.ACHIEVED)).isEqualTo("排出量 1,234,567.50t-CO2");
		Kpi maintained = new Kpi("K2", "D", "M", "C", "ISMS維持", "ISMS", Criterion.MAINTAIN, null, "", null);
		assertThat(KpiJudge.resultLine(maintained, "維持", "", Outcome.ACHIEVED)).isEqualTo("ISMS 維持");
		Kpi qualitative = new Kpi("K3", "D", "M", "C", "改善", "リスク管理体制の改善", Criterion.QUALITATIVE, null, "", null);
		assertThat(KpiJudge.resultLine(qualitative, "継続中", "", Outcome.IN_PROGRESS)).isNull();
		assertThat(KpiJudge.resultLine(qualitative, "達成", "", Outcome.ACHIEVED)).isEqualTo("リスク管理体制の改善 達成");
	}

	@Test
	void marksFollowProgressWordsAndPercentages() {
		MarkRule rule = new MarkRule(ReviewProperties.DEFAULT_MARKS);
		assertThat(rule.mark("完了", null)).hasValue("◎");
		assertThat(rule.mark("継続中", null)).hasValue("○");
		assertThat(rule.mark("一部完了", null)).hasValue("○");
		assertThat(rule.mark("未完了", null)).hasValue("△");
		assertThat(rule.mark("未着手", null)).hasValue("△");
		assertThat(rule.mark("100%", new BigDecimal("100"))).hasValue("◎");
		assertThat(rule.mark("99%", new BigDecimal("99"))).hasValue("○");
		assertThat(rule.mark("1%", new BigDecimal("1"))).hasValue("○");
		assertThat(rule.mark("0%", BigDecimal.ZERO)).hasValue("△");
		assertThat(rule.mark("", null)).isEmpty();
	}

	@Test
	void theMarkMappingIsConfiguration() {
		MarkRule rule = new MarkRule(Map.of("完了", "◎", "継続中", "△"));
		assertThat(rule.mark("継続中", null)).hasValue("△");
		assertThat(rule.knows("一部完了")).isFalse();
	}

}
