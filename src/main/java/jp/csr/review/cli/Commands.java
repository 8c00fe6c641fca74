package jp.csr.review.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.csr.review.check.CheckCommand;
import jp.csr.review.cli.ReviewCommandLine.Answer;
import jp.csr.review.cli.ReviewCommandLine.Invocation;
import jp.csr.review.cli.ReviewCommandLine.Start;
import jp.csr.review.console.ExitCode;
import jp.csr.review.daemon.Daemon;
import jp.csr.review.nextterm.NextTermCommand;
import jp.csr.review.remind.RemindCommand;
import jp.csr.review.run.Consolidation;
import jp.csr.review.status.StatusCommand;
import jp.csr.review.template.TemplateCommand;
import jp.csr.review.validation.ValidateCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The command line of PRODUCT.md §7, once the application runs: {@link ReviewCommandLine} reads it (main has
 * already answered help and usage errors before Spring started; a test that starts the context itself meets
 * them here). Being the only {@link ExitCodeGenerator}, it switches off Boot's batch exit codes, so every
 * outcome is mapped here explicitly.
 */
@Component
public class Commands implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger log = LoggerFactory.getLogger(Commands.class);

	private final Consolidation consolidation;

	private final ValidateCommand validate;

	private final TemplateCommand template;

	private final StatusCommand status;

	private final Daemon daemon;

	private final CheckCommand check;

	private final RemindCommand remind;
	private final NextTermCommand nextTerm;

	private ExitCode exit = ExitCode.OK;

	Commands(Consolidation consolidation, ValidateCommand validate, TemplateCommand template, StatusCommand status,
			Daemon daemon, CheckCommand check, RemindCommand remind, NextTermCommand nextTerm) {
		this.consolidation = consolidation;
		this.validate = validate;
		this.template = template;
		this.status = status;
		this.daemon = daemon;
		this.check = check;
		this.remind = remind;
		this.nextTerm = nextTerm;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		ReviewCommandLine.Outcome outcome = ReviewCommandLine.parse(args.getSourceArgs(), ReviewCommandLine.callerDir());
		if (outcome instanceof Answer answer) {
			answer.text().lines().forEach(line -> {
				if (answer.error()) {
					log.error("{}", line);
				}
				else {
					log.info("{}", line);
				}
			});
			exit = answer.exit();
			return;
		}
		Invocation command = ((Start) outcome).invocation();
		exit = switch (command.command()) {
			case RUN -> consolidation.run();
			case RESTART -> consolidation.restart(command.executionId());
			case STATUS -> status.run();
			case DAEMON -> daemon.run();
			case VALIDATE -> validate.run(typed(command));
			case TEMPLATE -> template.run(command.department(), command.out() == null ? null : command.path(command.out()));
			case CHECK -> check.run();
			case REMIND -> remind.run(command.dryRun());
			case NEXT_TERM -> nextTerm.run(command.out() == null ? null : command.path(command.out()));
			case HELP -> throw new IllegalStateException("help is answered before the application starts");
		};
	}

	static Map<String, Path> typed(Invocation command) {
		Map<String, Path> files = new LinkedHashMap<>();
		command.files().forEach(file -> files.put(file, command.path(file)));
		return files;
	}

	@Override
	public int getExitCode() {
		return exit.code();
	}

}
