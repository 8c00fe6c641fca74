package jp.csr.review.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import jp.csr.review.ReviewProperties;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import jp.csr.review.template.TemplateWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/** {@code template [--department CODE] [--out DIR]}: prefilled submission workbooks from the plan. */
@Component
class TemplateCommand {

	private static final Logger log = LoggerFactory.getLogger(TemplateCommand.class);

	private final ReviewProperties properties;

	private final ConfiguredPlan configuredPlan;

	TemplateCommand(ReviewProperties properties, ConfiguredPlan configuredPlan) {
		this.properties = properties;
		this.configuredPlan = configuredPlan;
	}

	ExitCode run(ApplicationArguments args) throws Exception {
		Map<String, String> options = new HashMap<>();
		String problem = options(args.getSourceArgs(), options);
		if (problem != null) {
			log.error(problem);
			log.error(Commands.USAGE);
			return ExitCode.USAGE;
		}
		Optional<Plan> configured = configuredPlan.read();
		if (configured.isEmpty()) {
			return ExitCode.USAGE;
		}
		Plan plan = configured.get();
		Path out = Path.of(options.getOrDefault("out", properties.outputDir().resolve("templates").toString()));
		String code = options.get("department");
		List<Department> departments = code == null ? plan.departments() : plan.department(code).stream().toList();
		if (departments.isEmpty()) {
			log.error("部署コード「{}」は行動計画にありません", code);
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

	/**
	 * {@code --out DIR} and {@code --department CODE}, with a space as §7 writes them or with {@code =};
	 * Spring's own parser only knows the {@code =} form. {@code --review.*} settings are Spring's.
	 *
	 * @return the problem to report, or null
	 */
	static String options(String[] args, Map<String, String> options) {
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : null;
			if (name != null && name.startsWith("review.")) {
				continue;
			}
			if (!"out".equals(name) && !"department".equals(name)) {
				return "template の引数が読めません: " + arg;
			}
			if (arg.contains("=")) {
				options.put(name, arg.substring(arg.indexOf('=') + 1));
			}
			else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				options.put(name, args[++i]);
			}
			else {
				return "--" + name + " には値が必要です";
			}
		}
		return null;
	}

}
