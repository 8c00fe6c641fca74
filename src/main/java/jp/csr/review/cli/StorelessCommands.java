package jp.csr.review.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.csr.review.cli.ReviewCommandLine.Invocation;
import jp.csr.review.cli.ReviewCommandLine.Start;
import jp.csr.review.config.ReviewProperties;
import jp.csr.review.console.ExitCode;
import jp.csr.review.plan.ConfiguredPlan;
import jp.csr.review.plan.PlanCache;
import jp.csr.review.store.StoreUse.Access;
import jp.csr.review.template.TemplateCommand;
import jp.csr.review.validation.ValidateCommand;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@code validate} and {@code template} read the plan and files and write nothing into the store (PRODUCT.md §7:
 * validate stores nothing, no store folder is created), so they start an application of their own: no database
 * (a shared server that is down or a password variable cron lacks does not concern them), no Flyway, no job, no
 * log file under the store (profile {@value #PROFILE}, logback-spring.xml), and the plan parsed is kept in this
 * process only. Not a component: the full application's scan must not find it.
 */
@EnableConfigurationProperties(ReviewProperties.class)
@Import({ ConfiguredPlan.class, ValidateCommand.class, TemplateCommand.class })
public class StorelessCommands implements ApplicationRunner, ExitCodeGenerator {

	/** The profile that keeps logback from the store's log file. */
	static final String PROFILE = "storeless";

	private final ValidateCommand validate;

	private final TemplateCommand template;

	private ExitCode exit = ExitCode.OK;

	StorelessCommands(ValidateCommand validate, TemplateCommand template) {
		this.validate = validate;
		this.template = template;
	}

	/** Whether the command line's command runs here rather than in the full application. */
	public static boolean runs(Start start) {
		return start.invocation().command().storeUse().access() == Access.NONE;
	}

	/** The application of a store-less command. */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(StorelessCommands.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setAdditionalProfiles(PROFILE);
		return application;
	}

	/** Parsed plans stay in this process: the store's cache folder is not written. */
	@Bean
	static PlanCache planCache() {
		return new PlanCache();
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		poiTempFolder();
		Invocation command = ((Start) ReviewCommandLine.parse(args.getSourceArgs(), ReviewCommandLine.callerDir()))
			.invocation();
		exit = switch (command.command()) {
			case VALIDATE -> validate.run(Commands.typed(command));
			case TEMPLATE -> template.run(command.department(), command.out() == null ? null : command.path(command.out()));
			default -> throw new IllegalStateException(command.command().word() + " needs the store");
		};
	}

	/**
	 * POI's temporary files go to a folder of this process's own, removed at exit: the shared
	 * {@code <java.io.tmpdir>/poifiles} belongs to whichever user made it first, and the store is not used.
	 */
	private static void poiTempFolder() throws IOException {
		Path folder = Files.createTempDirectory("review-poi-");
		folder.toFile().deleteOnExit();
		TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder.toFile()));
	}

	@Override
	public int getExitCode() {
		return exit.code();
	}

}
