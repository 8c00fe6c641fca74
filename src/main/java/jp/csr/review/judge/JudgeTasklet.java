package jp.csr.review.judge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.csr.review.form.MarkRule;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.store.Submissions;
import jp.csr.review.store.Submissions.InitiativeValue;
import jp.csr.review.store.Submissions.KpiValue;
import jp.csr.review.store.Submissions.StoredFile;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The judge step: every KPI and every initiative of the plan, from the version in use of its
 * department. Replaces the run's earlier verdicts in one transaction, so it can always run again. The
 * store is read by a few queries for the whole term and the verdicts are written in batches: the step's
 * cost is one pass over the plan, not a query per department, KPI or row.
 */
public class JudgeTasklet implements Tasklet {

	/** The step's name, as the console and {@code status} show it. */
	public static final String STEP = "judge";

	private final Plan plan;

	private final Submissions submissions;

	private final Judgements judgements;

	private final MarkRule marks;

	private final TermResults results;

	public JudgeTasklet(Plan plan, JdbcClient jdbc, Submissions submissions, Judgements judgements, MarkRule marks) {
		this.plan = plan;
		this.results = new TermResults(jdbc);
		this.submissions = submissions;
		this.judgements = judgements;
		this.marks = marks;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long instance = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
		judgements.clear(instance, plan.term(), plan.group());
		Map<String, StoredFile> inUse = submissions.inUse(plan.term());
		Set<Long> files = new HashSet<>();
		inUse.values().forEach(f -> files.add(f.id()));
		Map<Long, Map<String, KpiValue>> kpiValues = results.kpiValues(plan.term(), files);
		Map<Long, Map<String, InitiativeValue>> initiativeValues = results.initiativeValues(plan.term(), files);
		// the previous term as its own review showed it, as next-term carries it into a plan's 前期実績
		Map<String, BigDecimal> previousTerm = judgements.numbersOfTerm(plan.term() - 1, plan.group());
		List<Judgements.KpiRow> verdicts = new ArrayList<>(plan.kpis().size());
		for (Kpi kpi : plan.kpis()) {
			StoredFile file = inUse.get(kpi.departmentCode());
			verdicts.add(judge(kpi, file, file == null ? null : kpiValues.getOrDefault(file.id(), Map.of()).get(kpi.id()),
					previousTerm));
		}
		List<Judgements.MarkRow> marked = new ArrayList<>(plan.initiatives().size());
		for (Initiative initiative : plan.initiatives()) {
			StoredFile file = inUse.get(initiative.departmentCode());
			marked.add(mark(initiative, file,
					file == null ? null : initiativeValues.getOrDefault(file.id(), Map.of()).get(initiative.id())));
		}
		judgements.saveKpis(instance, verdicts, plan);
		judgements.saveMarks(instance, marked, plan);
		contribution.incrementWriteCount(verdicts.size() + marked.size());
		return RepeatStatus.FINISHED;
	}

	private Judgements.KpiRow judge(Kpi kpi, StoredFile file, KpiValue value, Map<String, BigDecimal> previousTerm) {
		if (file == null) {
			return new Judgements.KpiRow(kpi.id(), kpi.materiality(), Outcome.NOT_SUBMITTED.label(), null, null, null, null,
					null, null, null);
		}
		Baseline baseline = baseline(kpi, previousTerm);
		String raw = value == null ? null : value.value();
		Verdict verdict = KpiJudge.judge(kpi, raw, value == null ? null : value.number(), baseline.value());
		String line = KpiJudge.resultLine(kpi, raw, value == null ? null : value.display(), verdict.outcome());
		return new Judgements.KpiRow(kpi.id(), kpi.materiality(), verdict.outcome().label(), raw, baseline.value(), baseline.source(),
				verdict.rate(), line, file.id(), value == null ? null : value.cell());
	}

	private record Baseline(BigDecimal value, String source) {
	}

	private static boolean needsBaseline(Kpi kpi) {
		return kpi.judgement() == jp.csr.review.plan.Criterion.INCREASE
				|| kpi.judgement() == jp.csr.review.plan.Criterion.DECREASE;
	}

	/**
	 * 増加/減少: the plan's 前期実績, else the numeric 実績 the previous term's review showed (from the file it used),
	 * else none.
	 */
	private Baseline baseline(Kpi kpi, Map<String, BigDecimal> previousTerm) {
		if (!needsBaseline(kpi)) {
			return new Baseline(null, null);
		}
		if (kpi.previousResult() != null) {
			return new Baseline(kpi.previousResult(), "前期実績 (行動計画)");
		}
		BigDecimal previous = previousTerm.get(kpi.id());
		return previous == null ? new Baseline(null, null) : new Baseline(previous, (plan.term() - 1) + "期実績 (提出済み)");
	}

	private Judgements.MarkRow mark(Initiative initiative, StoredFile file, InitiativeValue value) {
		if (file == null || value == null) {
			return new Judgements.MarkRow(initiative.id(), null, null, null, file == null ? null : file.id(), null);
		}
		String mark = marks.mark(value.progress(), value.percent()).orElse(null);
		return new Judgements.MarkRow(initiative.id(), mark, value.progress(), value.declared(), file.id(), value.cell());
	}

}
