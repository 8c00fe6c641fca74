package jp.csr.review.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.console.ExitCode;
import jp.csr.review.plan.ConfiguredPlan;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** {@code template [--department CODE] [--out DIR]}: prefilled submission workbooks from the plan. */
@Component
public class TemplateCommand {

	private static final Logger log = LoggerFactory.getLogger(TemplateCommand.class);

	private final ReviewProperties properties;

	private final ConfiguredPlan configuredPlan;

	TemplateCommand(ReviewProperties properties, ConfiguredPlan configuredPlan) {
		this.properties = properties;
		this.configuredPlan = configuredPlan;
	}

	/**
	 * @param code the department to write, as typed; null for every department
	 * @param typedOut the folder to write into; null for the default
	 */
	public ExitCode run(String code, Path typedOut) throws Exception {
		Optional<Plan> configured = configuredPlan.read();
		if (configured.isEmpty()) {
			return ExitCode.USAGE;
		}
		Plan plan = configured.get();
		Path out = typedOut == null ? properties.outputDir().resolve("templates") : typedOut;
		// codes are case-insensitive: an admin types isec for ISEC
		List<Department> departments = code == null ? plan.departments()
				: plan.departments().stream().filter(d -> d.code().equalsIgnoreCase(code.strip())).toList();
		if (departments.isEmpty()) {
			log.error("部署コード「{}」は行動計画にありません。行動計画の部署コード: {}", code,
					plan.departments().stream().map(Department::code).collect(Collectors.joining(", ")));
			return ExitCode.USAGE;
		}
		Files.createDirectories(out);
		TemplateWriter writer = new TemplateWriter(properties.templatePassword());
		for (Department d : departments) {
			Path file = out.resolve(TemplateWriter.fileName(plan, d));
			writer.write(plan, d, file);
			log.info("作成 {}", file);
		}
		return ExitCode.OK;
	}

}
