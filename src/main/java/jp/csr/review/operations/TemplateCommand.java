package jp.csr.review.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jp.csr.review.ReviewProperties;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import jp.csr.review.plan.PlanException;
import jp.csr.review.plan.PlanReader;
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

	TemplateCommand(ReviewProperties properties) {
		this.properties = properties;
	}

	ExitCode run(ApplicationArguments args) throws Exception {
		if (args.getNonOptionArgs().size() > 1) {
			log.error("template は引数をとりません: {}", args.getNonOptionArgs().subList(1, args.getNonOptionArgs().size()));
			return ExitCode.USAGE;
		}
		Plan plan;
		try {
			plan = PlanReader.read(properties.plan());
		}
		catch (PlanException ex) {
			log.error(ex.getMessage());
			return ExitCode.USAGE;
		}
		Path out = Path.of(single(args, "out", properties.outputDir().resolve("templates").toString()));
		String code = single(args, "department", null);
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

	private static String single(ApplicationArguments args, String name, String fallback) {
		List<String> values = args.getOptionValues(name);
		return values == null || values.isEmpty() ? fallback : values.get(values.size() - 1);
	}

}
