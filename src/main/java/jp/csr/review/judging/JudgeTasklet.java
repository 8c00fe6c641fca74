package jp.csr.review.judging;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.store.Submissions;
import jp.csr.review.store.Submissions.InitiativeValue;
import jp.csr.review.store.Submissions.KpiValue;
import jp.csr.review.store.Submissions.StoredFile;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The judge step: every KPI and every initiative of the plan, from the version in use of its
 * department. Replaces the run's earlier verdicts in one transaction, so it can always run again.
 */
public class JudgeTasklet implements Tasklet {

	private final Plan plan;

	private final Submissions submissions;

	private final Judgements judgements;

	private final MarkRule marks;

	public JudgeTasklet(Plan plan, Submissions submissions, Judgements judgements, MarkRule marks) {
		this.plan = plan;
		this.submissions = submissions;
		this.judgements = judgements;
		this.marks = marks;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long instance = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
		judgements.clear(instance);
		Map<String, StoredFile> inUse = submissions.inUse(plan.term());
		Map<String, KpiValue> kpiValues = new HashMap<>();
		Map<String, InitiativeValue> initiativeValues = new HashMap<>();
		for (StoredFile file : inUse.values()) {
			submissions.kpiValues(file.id()).forEach(v -> kpiValues.put(v.kpiId(), v));
			submissions.initiativeValues(file.id()).forEach(v -> initiativeValues.put(v.initiativeId(), v));
		}
		for (Kpi kpi : plan.kpis()) {
			judgements.save(instance, judge(kpi, inUse.get(kpi.departmentCode()), kpiValues.get(kpi.id())));
			contribution.incrementWriteCount(1);
		}
		for (Initiative initiative : plan.initiatives()) {
			judgements.save(instance, mark(initiative, inUse.get(initiative.departmentCode()),
					initiativeValues.get(initiative.id())));
			contribution.incrementWriteCount(1);
		}
		return RepeatStatus.FINISHED;
	}

	private Judgements.KpiRow judge(Kpi kpi, StoredFile file, KpiValue value) {
		if (file == null) {
			return new Judgements.KpiRow(kpi.id(), Outcome.NOT_SUBMITTED.label(), null, null, null, null, null, null, null);
		}
		Baseline baseline = baseline(kpi);
		String raw = value == null ? null : value.value();
		Verdict verdict = KpiJudge.judge(kpi, raw, value == null ? null : value.number(), baseline.value());
		String line = KpiJudge.resultLine(kpi, raw, value == null ? null : value.display(), verdict.outcome());
		return new Judgements.KpiRow(kpi.id(), verdict.outcome().label(), raw, baseline.value(), baseline.source(),
				verdict.rate(), line, file.id(), value == null ? null : value.cell());
	}

	private record Baseline(BigDecimal value, String source) {
	}

	/** 増加/減少: the plan's 前期実績, else the previous term's accepted 実績 in the store, else none. */
	private Baseline baseline(Kpi kpi) {
		if (kpi.judgement() != jp.csr.review.plan.Judgement.INCREASE
				&& kpi.judgement() != jp.csr.review.plan.Judgement.DECREASE) {
			return new Baseline(null, null);
		}
		if (kpi.previousResult() != null) {
			return new Baseline(kpi.previousResult(), "前期実績 (行動計画)");
		}
		Optional<BigDecimal> previous = submissions.resultOfTerm(plan.term() - 1, kpi.id());
		return previous.map(p -> new Baseline(p, (plan.term() - 1) + "期実績 (提出済み)")).orElse(new Baseline(null, null));
	}

	private Judgements.MarkRow mark(Initiative initiative, StoredFile file, InitiativeValue value) {
		if (file == null || value == null) {
			return new Judgements.MarkRow(initiative.id(), null, null, null, file == null ? null : file.id(), null);
		}
		String mark = marks.mark(value.progress(), value.percent()).orElse(null);
		return new Judgements.MarkRow(initiative.id(), mark, value.progress(), value.declared(), file.id(), value.cell());
	}

}
