package jp.csr.review.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.console.ExitCode;
import jp.csr.review.form.MarkRule;
import jp.csr.review.plan.ConfiguredPlan;
import jp.csr.review.plan.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** {@code validate FILE…}: the same checks as a run, nothing stored, every issue printed. */
@Component
public class ValidateCommand {

	private static final Logger log = LoggerFactory.getLogger(ValidateCommand.class);

	private final ReviewProperties properties;

	private final ConfiguredPlan configuredPlan;

	ValidateCommand(ReviewProperties properties, ConfiguredPlan configuredPlan) {
		this.properties = properties;
		this.configuredPlan = configuredPlan;
	}

	/**
	 * @param files each file as typed (the console repeats it) and where it is, found from the folder the user typed
	 * it in
	 */
	public ExitCode run(Map<String, Path> files) throws Exception {
		Optional<Plan> configured = configuredPlan.read();
		if (configured.isEmpty()) {
			return ExitCode.USAGE;
		}
		Plan plan = configured.get();
		SubmissionValidator validator = new SubmissionValidator(plan, new MarkRule(properties.marks()), properties.zone());
		boolean allValid = true;
		for (Map.Entry<String, Path> typed : files.entrySet()) {
			String name = typed.getKey();
			Path file = typed.getValue();
			if (!Files.isRegularFile(file)) {
				log.error("ファイルがありません: {}", name);
				return ExitCode.USAGE;
			}
			Validation v = validator.validate(file, file.getFileName().toString(),
					Files.getLastModifiedTime(file).toInstant());
			allValid &= v.accepted();
			log.info("{} {}  エラー {}件  警告 {}件", v.accepted() ? "OK    " : "差戻し", name, v.errors(), v.warnings());
			v.issues().stream().map(Issue::describe).forEach(line -> log.info("    {}", line));
		}
		return allValid ? ExitCode.OK : ExitCode.REJECTED;
	}

}
