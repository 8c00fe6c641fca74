package jp.csr.review.cli;

import java.nio.file.Path;

import jp.csr.review.cli.ReviewCommandLine.Answer;
import jp.csr.review.cli.ReviewCommandLine.Invocation;
import jp.csr.review.cli.ReviewCommandLine.Outcome;
import jp.csr.review.cli.ReviewCommandLine.Start;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line is read before anything starts; help is help and a typo is refused. */
class ReviewCommandLineTest {

	private static final Path CALLER = Path.of("/home/admin/work");

	@Test
	void helpInEveryFormIsUsageOnStdoutAndRunsNothing() {
		for (String[] args : new String[][] { { "--help" }, { "-h" }, { "help" } }) {
			Answer help = answer(args);
			assertThat(help.code()).isZero();
			assertThat(help.error()).isFalse();
			assertThat(help.text()).contains("使い方: ./review <コマンド>").contains("run", "validate", "template", "status",
					"restart", "daemon", "check").contains("review.input-dir");
		}
		for (String[] args : new String[][] { { "run", "--help" }, { "run", "-h" }, { "help", "run" } }) {
			Answer help = answer(args);
			assertThat(help.code()).isZero();
			assertThat(help.text()).startsWith("使い方: ./review run").contains("終了コード: 0 すべて受理");
		}
		assertThat(answer("help", "template").text()).contains("--department=CODE", "--out=DIR");
		assertThat(answer("validate", "--help").code()).as("help needs no FILE").isZero();
	}

	@Test
	void versionIsPrinted() {
		Answer version = answer("--version");
		assertThat(version.code()).isZero();
		assertThat(version.text()).startsWith("action-plan-review ");
	}

	@Test
	void typosAreRefusedNamingTheClosestKnownWord() {
		assertRefused(answer("run", "--review.inptu-dir=x"), "不明な設定: --review.inptu-dir (もしかして --review.input-dir ?)");
		assertRefused(answer("--reveiw.input-dir=x", "run"), "(もしかして --review.input-dir ?)");
		assertRefused(answer("template", "--outt", "x"), "不明なオプション: --outt (もしかして --out ?)");
		assertRefused(answer("template", "--departement=ISEC"), "(もしかして --department ?)");
		assertRefused(answer("run", "--colour=red"), "不明なオプション: --colour");
		assertRefused(answer("stauts"), "不明なコマンド: stauts (もしかして status ?)");
		assertRefused(answer("help", "restrat"), "不明なコマンド: restrat (もしかして restart ?)");
		assertRefused(answer("--server.port=8080", "run"), "不明な設定: --server.port");
		assertRefused(answer("run", "--review.marks=x"), "不明な設定: --review.marks");
	}

	@Test
	void aMissingOrExtraArgumentIsBadUsageWithTheCommandsUsage() {
		assertRefused(answer(), "コマンドを指定してください");
		assertRefused(answer("run", "extra"), "run は引数をとりません: extra");
		assertRefused(answer("validate"), "validate には FILE を指定してください");
		assertRefused(answer("template", "--out"), "--out には値 (DIR) が必要です");
		assertRefused(answer("restart", "abc"), "実行IDは数字で指定してください: abc");
		assertRefused(answer("restart", "1", "2"), "restart の引数が多すぎます: 2");
		assertRefused(answer("run", "--review.input-dir"), "--review.input-dir には値が必要です");
		assertThat(answer("restart", "abc").text()).contains("使い方: ./review restart [EXECUTION_ID]");
	}

	@Test
	void optionsTakeTheirValueAfterASpaceOrAnEqualsSignAndSettingsMayStandAnywhere() {
		Start start = start("--review.plan=x.xlsx", "template", "--out", "/tmp/t", "--department=ISEC");
		assertThat(start.invocation().out()).isEqualTo("/tmp/t");
		assertThat(start.invocation().department()).isEqualTo("ISEC");
		assertThat(start("restart", "7").invocation().executionId()).isEqualTo(7L);
		assertThat(start("restart").invocation().executionId()).isNull();
		// Spring Boot's own settings pass; a review.* setting reaches it as --key=value whichever way it was typed
		assertThat(start("run", "--review.settle", "0s", "--spring.main.lazy-initialization=true",
				"--logging.level.root=INFO", "--review.marks.完了=◎", "--review.marks[未着手]=△", "--review.inputDir=/in")
			.springArgs()).containsExactly("run", "--review.settle=0s", "--spring.main.lazy-initialization=true",
					"--logging.level.root=INFO", "--review.marks.完了=◎", "--review.marks[未着手]=△", "--review.inputDir=/in");
		assertThat(start("run", "--review.test.load-delay=1s").springArgs()).as("a key the tests' class path adds")
			.contains("--review.test.load-delay=1s");
	}

	@Test
	void pathsTypedOnTheCommandLineAreRelativeToTheCallersFolder() {
		Start validate = (Start) ReviewCommandLine.parse(new String[] { "validate", "filled/a.xlsx", "/abs/b.xlsx",
				"--review.store=store", "--review.plan", "../plan.xlsx", "--review.input-dir=/srv/in", "--review.zone=UTC" },
				CALLER);
		Invocation command = validate.invocation();
		assertThat(command.files()).as("as typed, for the console").containsExactly("filled/a.xlsx", "/abs/b.xlsx");
		assertThat(command.files().stream().map(command::path))
			.containsExactly(CALLER.resolve("filled/a.xlsx"), Path.of("/abs/b.xlsx"));
		assertThat(validate.springArgs()).containsExactly("validate", "filled/a.xlsx", "/abs/b.xlsx",
				"--review.store=" + CALLER.resolve("store"), "--review.plan=" + CALLER.resolve("../plan.xlsx"),
				"--review.input-dir=/srv/in", "--review.zone=UTC");
		Invocation template = ((Start) ReviewCommandLine.parse(new String[] { "template", "--out", "mytemplates" }, CALLER))
			.invocation();
		assertThat(template.path(template.out())).isEqualTo(CALLER.resolve("mytemplates"));
		// run straight from the jar (no launcher): the working directory is the user's
		Invocation direct = start("validate", "a.xlsx").invocation();
		assertThat(direct.path("a.xlsx")).isEqualTo(Path.of("a.xlsx"));
	}

	@Test
	void everyCommandLineReadsAsPicocliReadsIt() {
		String[][] lines = { { "run" }, { "status" }, { "check" }, { "daemon" }, { "remind" }, { "template" },
				{ "next-term" }, { "restart" }, { "restart", "12" }, { "restart", "0123456789012345678" },
				{ "restart", "1x" }, { "validate", "a.xlsx" }, { "validate", "a.xlsx", "サブ/b.xlsx", "--review.store=s" },
				{ "validate", "run" }, { "validate", "a.xlsx", "help" }, { "validate", "@args.txt" }, { "validate", "" },
				{ "validate", "-x.xlsx" }, { "validate", "--", "-x.xlsx" }, { "run", "x" }, { "status", "--help" },
				{ "remind", "--dry-run" }, { "template", "--out", "t" }, { "--review.zone=UTC", "run" }, { "Run" },
				{ "validate" } };
		for (String[] line : lines) {
			Outcome shortcut = ReviewCommandLine.parse(line, CALLER);
			Outcome picocli = ReviewCommandLine.parsedByPicocli(line, CALLER);
			String as = String.join(" ", line);
			if (picocli instanceof Start full) {
				assertThat(shortcut).as(as).isInstanceOf(Start.class);
				assertThat(((Start) shortcut).invocation()).as(as).isEqualTo(full.invocation());
				assertThat(((Start) shortcut).springArgs()).as(as).containsExactly(full.springArgs());
			}
			else {
				assertThat(shortcut).as(as).isEqualTo(picocli);
			}
		}
	}

	private static void assertRefused(Answer answer, String problem) {
		assertThat(answer.code()).as(answer.text()).isEqualTo(2);
		assertThat(answer.error()).isTrue();
		assertThat(answer.text()).contains(problem);
	}

	private static Answer answer(String... args) {
		Outcome outcome = ReviewCommandLine.parse(args, null);
		assertThat(outcome).isInstanceOf(Answer.class);
		return (Answer) outcome;
	}

	private static Start start(String... args) {
		Outcome outcome = ReviewCommandLine.parse(args, null);
		assertThat(outcome).as(outcome.toString()).isInstanceOf(Start.class);
		return (Start) outcome;
	}

}
