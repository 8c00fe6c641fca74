package jp.csr.review.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jp.csr.review.ReviewProperties;
import jp.csr.review.judging.MarkRule;
import jp.csr.review.plan.Plan;
import jp.csr.review.validation.Issue;
import jp.csr.review.validation.SubmissionValidator;
import jp.csr.review.validation.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** {@code validate FILE…}: the same checks as a run, nothing stored, every issue printed. */
@Component
class ValidateCommand {

	private static final Logger log = LoggerFactory.getLogger(ValidateCommand.class);

	private final ReviewProperties properties;

	private final ConfiguredPlan configuredPlan;

	ValidateCommand(ReviewProperties properties, ConfiguredPlan configuredPlan) {
		this.properties = properties;
		this.configuredPlan = configuredPlan;
	}

	/** The files as typed (the console repeats them), found from the folder the user typed them in. */
	ExitCode run(ReviewCommandLine.Invocation command) throws Exception {
		List<String> files = command.files();
		Optional<Plan> configured = configuredPlan.read();
		if (configured.isEmpty()) {
			return ExitCode.USAGE;
		}
		Plan plan = configured.get();
		SubmissionValidator validator = new SubmissionValidator(plan, new MarkRule(properties.marks()), properties.zone());
		boolean allValid = true;
		for (String name : files) {
			Path file = command.path(name);
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
