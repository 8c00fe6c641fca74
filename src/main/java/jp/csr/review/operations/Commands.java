package jp.csr.review.operations;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The command line of PRODUCT.md §7. Being the only {@link ExitCodeGenerator}, it switches off Boot's
 * batch exit codes, so every outcome is mapped here explicitly.
 */
@Component
class Commands implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger log = LoggerFactory.getLogger(Commands.class);

	static final String USAGE = """
			使い方: ./review <コマンド> [オプション]
			  run                                   集計を1回実行する
			  validate FILE…                        提出ブックを検査する (何も保存しない)
			  template [--department CODE] [--out DIR]  部署ごとの提出ブックを作る
			  status                                最近の実行と部署ごとの提出状況
			  restart [EXECUTION_ID]                失敗した実行を再開する
			  daemon                                review.schedule に従って毎晩実行する
			  check                                 ストアを点検し、安全なものは修復する
			設定の上書き例: --review.input-dir=/srv/share/inbox""";

	private final Consolidation consolidation;

	private final ValidateCommand validate;

	private final TemplateCommand template;

	private final StatusCommand status;

	private final Daemon daemon;

	private final CheckCommand check;

	private ExitCode exit = ExitCode.OK;

	Commands(Consolidation consolidation, ValidateCommand validate, TemplateCommand template, StatusCommand status,
			Daemon daemon, CheckCommand check) {
		this.consolidation = consolidation;
		this.validate = validate;
		this.template = template;
		this.status = status;
		this.daemon = daemon;
		this.check = check;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		List<String> words = args.getNonOptionArgs();
		if (words.isEmpty()) {
			log.error(USAGE);
			exit = ExitCode.USAGE;
			return;
		}
		List<String> rest = words.subList(1, words.size());
		exit = switch (words.get(0)) {
			case "run" -> rest.isEmpty() ? consolidation.run() : usage("run は引数をとりません: " + rest);
			case "restart" -> restart(rest);
			case "status" -> rest.isEmpty() ? status.run() : usage("status は引数をとりません: " + rest);
			case "daemon" -> rest.isEmpty() ? daemon.run() : usage("daemon は引数をとりません: " + rest);
			case "validate" -> validate.run(rest);
			case "template" -> template.run(args);
			case "check" -> rest.isEmpty() ? check.run() : usage("check は引数をとりません: " + rest);
			default -> usage("不明なコマンド: " + words.get(0));
		};
	}

	private ExitCode restart(List<String> rest) throws Exception {
		if (rest.size() > 1 || (rest.size() == 1 && !rest.get(0).matches("\\d+"))) {
			return usage("restart には実行IDを1つだけ指定できます: " + rest);
		}
		return consolidation.restart(rest.isEmpty() ? null : Long.valueOf(rest.get(0)));
	}

	private ExitCode usage(String problem) {
		log.error(problem);
		log.error(USAGE);
		return ExitCode.USAGE;
	}

	@Override
	public int getExitCode() {
		return exit.code();
	}

}
