package jp.csr.review.nextterm;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.console.ExitCode;
import jp.csr.review.console.StoreOption;
import jp.csr.review.judge.Judgements;
import jp.csr.review.plan.ConfiguredPlan;
import jp.csr.review.plan.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code next-term [--out FILE]} (PRODUCT.md §8): the next term's plan from the configured plan and what the
 * term's review shows, as the run that last judged the term left it: the numeric 実績 (from the file the review
 * uses, so never one a department has since corrected away; the baseline the store itself gives 増加/減少) and
 * the marks. Reads the store, never writes it.
 */
@Component
public class NextTermCommand {

	private static final Logger log = LoggerFactory.getLogger(NextTermCommand.class);

	private final ReviewProperties properties;

	private final ConfiguredPlan configuredPlan;

	private final Judgements judgements;

	private final Environment environment;

	NextTermCommand(ReviewProperties properties, ConfiguredPlan configuredPlan, Judgements judgements,
			Environment environment) {
		this.properties = properties;
		this.configuredPlan = configuredPlan;
		this.judgements = judgements;
		this.environment = environment;
	}

	/** @param typedOut the file to write; null for the default */
	public ExitCode run(Path typedOut) throws Exception {
		Optional<Plan> configured = configuredPlan.read();
		if (configured.isEmpty()) {
			return ExitCode.USAGE;
		}
		Plan plan = configured.get();
		int next = plan.term() + 1;
		Path out = typedOut == null ? properties.outputDir().resolve(NextTerm.fileName(next)) : typedOut;
		// the office edits the plan it was given: a second next-term must not wipe that work
		if (Files.exists(out)) {
			log.error("{} は既にあります。上書きしません (編集済みかもしれません)。別の名前を --out で指定するか、ファイルを移してから実行してください",
					out.toAbsolutePath());
			return ExitCode.USAGE;
		}
		Map<String, BigDecimal> numbers = new HashMap<>();
		Map<String, String> marks = new HashMap<>();
		Optional<Long> judged = Optional.empty();
		try {
			judged = judgements.latestRun(plan.term(), plan.group());
			judged.ifPresent(run -> {
				numbers.putAll(judgements.numbers(run));
				judgements.marks(run).forEach((id, m) -> marks.put(id, m.mark()));
			});
		}
		catch (DataAccessException ex) {
			// a store no run has used yet, or not since this version (next-term only reads it): nothing to carry
			log.debug("next-term", ex);
		}
		if (judged.isEmpty()) {
			log.warn("ストア {} に {}期 ({}) の集計がありません。前期実績と前期評価は空のまま書きます (先に {} で集計してください)",
					properties.store().toAbsolutePath(), plan.term(), plan.group(),
					StoreOption.command(environment, properties.store(), "run",
							new StoreOption.Folder("review.plan", properties.plan()),
							new StoreOption.Folder("review.input-dir", properties.inputDir()),
							new StoreOption.Folder("review.output-dir", properties.outputDir())));
		}
		Plan rolled = NextTerm.of(plan, numbers, marks);
		Path written = new PlanWriter().write(rolled, out);
		long baselines = rolled.kpis().stream().filter(k -> k.previousResult() != null).count();
		long marked = rolled.initiatives().stream().filter(i -> !i.previousMark().isEmpty()).count();
		log.info("作成 {}", written);
		log.info("    {}期 ({})  部署 {}  KPI {} (前期実績あり {})  取り組み {} (前期評価あり {})", next, rolled.period(),
				rolled.departments().size(), rolled.kpis().size(), baselines, rolled.initiatives().size(), marked);
		// the plan just written is named whatever was typed; the folder the templates go to, only where it was typed
		log.info("    編集してから review.plan に指定してください (例: {} --review.plan={})",
				StoreOption.command(environment, properties.store(), "template",
						new StoreOption.Folder("review.output-dir", properties.outputDir())),
				written);
		return ExitCode.OK;
	}

}
