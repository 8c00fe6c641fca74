package jp.csr.review.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.csr.review.testing.ReviewProcesses;
import jp.csr.review.testing.ReviewProcesses.Folders;
import jp.csr.review.testing.SharedStoreToo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as an admin meets it, in real processes started as the launcher {@code review} starts
 * them: in the checkout, told by {@value ReviewCommandLine#CALLER_DIR} which folder the admin typed the command
 * in. Only what lies outside the checkout is written: each test has its own store, input and output folders. Only the
 * printed restart depends on the store (it repeats the datasource): the others answer the same on either store.
 */
class CommandLineProcessTest {

	private static final Path REPO = Path.of("").toAbsolutePath();

	@TempDir
	Path temp;

	@Test
	void helpAndTyposAreAnsweredWithoutStartingAnything() throws Exception {
		// from an empty folder with no configuration: a command that started would make its store here
		Path empty = Files.createDirectory(temp.resolve("empty"));
		Console help = java(empty, Map.of(), "run", "--help");
		assertThat(help.exit()).as(help.both()).isZero();
		assertThat(help.out()).startsWith("使い方: ./review run");
		assertThat(help.err()).isEmpty();

		Console typo = java(empty, Map.of(), "run", "--review.inptu-dir=x");
		assertThat(typo.exit()).as(typo.both()).isEqualTo(2);
		assertThat(typo.err()).startsWith("不明な設定: --review.inptu-dir (もしかして --review.input-dir ?)");
		assertThat(typo.out()).isEmpty();

		Console option = java(empty, Map.of(), "template", "--outt", "x");
		assertThat(option.exit()).as(option.both()).isEqualTo(2);
		assertThat(option.err()).startsWith("不明なオプション: --outt (もしかして --out ?)")
			.contains("使い方: ./review template");
		assertThat(empty).isEmptyDirectory();
	}

	@Test
	void pathsTypedOnTheCommandLineAreRelativeToTheFolderTheCommandWasTypedIn() throws Exception {
		Folders admin = Folders.in(temp.resolve("admin"));
		Map<String, String> launcher = Map.of(ReviewCommandLine.CALLER_DIR, admin.root().toString());
		Console validate = java(REPO, launcher, "validate", "input/53期_AD_広告審査部.xlsx", "--review.plan=plan.xlsx",
				"--review.store=store");
		assertThat(validate.exit()).as(validate.both()).isZero();
		assertThat(validate.out()).contains("OK     input/53期_AD_広告審査部.xlsx");
		assertThat(admin.store()).as("validate stores nothing").doesNotExist();

		Console template = java(REPO, launcher, "template", "--department", "ad", "--out", "mytemplates",
				"--review.plan=plan.xlsx", "--review.store=store");
		assertThat(template.exit()).as(template.both()).isZero();
		assertThat(admin.root().resolve("mytemplates/53期_AD_広告審査部.xlsx")).isRegularFile();
		assertThat(REPO.resolve("mytemplates")).doesNotExist();
	}

	@Test
	void validateAndTemplateCreateNoStoreAndWorkWithTheDatabaseDownOrItsPasswordUnset() throws Exception {
		Folders admin = Folders.in(temp.resolve("admin"));
		Map<String, String> launcher = Map.of(ReviewCommandLine.CALLER_DIR, admin.root().toString());
		// a server nobody listens on, and a password from a variable this environment lacks (cron's)
		String[] database = { "--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/review",
				"--spring.datasource.username=review", "--spring.datasource.password=${REVIEW_DB_PASSWORD_NOT_SET}" };
		List<String> validate = new ArrayList<>(List.of("validate", "input/53期_AD_広告審査部.xlsx", "--review.plan=plan.xlsx",
				"--review.store=store"));
		validate.addAll(List.of(database));
		Console validated = java(REPO, launcher, validate.toArray(String[]::new));
		assertThat(validated.exit()).as(validated.both()).isZero();
		assertThat(validated.out()).contains("OK     input/53期_AD_広告審査部.xlsx");

		List<String> template = new ArrayList<>(List.of("template", "--department", "ad", "--out", "mytemplates",
				"--review.plan=plan.xlsx", "--review.store=store"));
		template.addAll(List.of(database));
		Console written = java(REPO, launcher, template.toArray(String[]::new));
		assertThat(written.exit()).as(written.both()).isZero();
		assertThat(admin.root().resolve("mytemplates/53期_AD_広告審査部.xlsx")).isRegularFile();

		// no review.db, no logs/review.log, no cache/plan-*.ser: no store folder at all
		assertThat(admin.store()).doesNotExist();
	}

	@Test
	void aMissingInputFolderIsBadConfigurationAndStartsNoRun() throws Exception {
		Folders f = Folders.in(temp);
		Path missing = temp.resolve("missing");
		Console run = java(REPO, Map.of(), "run", "--review.input-dir=" + missing, "--review.store=" + f.store(),
				"--review.output-dir=" + f.output(), "--review.plan=" + f.plan());
		assertThat(run.exit()).as(run.both()).isEqualTo(2);
		assertThat(run.both()).contains("入力フォルダ " + missing + " がありません").doesNotContain("restart");
		assertThat(f.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isZero();
	}

	@Test
	@SharedStoreToo
	void thePrintedRestartCommandTypedAsPrintedResumesThatRunWithItsOwnSettings() throws Exception {
		Folders f = Folders.in(temp);
		Files.delete(f.output());
		Files.writeString(f.output(), "a file where the output folder should be"); // the write step fails
		// on PostgreSQL the datasource given on the command line is repeated too
		List<String> database = f.database();
		Path office = Files.createDirectories(temp.resolve("office"));
		List<String> run = new ArrayList<>(List.of("run", "--review.store=" + f.store(), "--review.input-dir=" + f.input(),
				"--review.output-dir=" + f.output(), "--review.plan=" + f.plan(), "--review.settle=0s",
				"--review.office-dir=" + office));
		run.addAll(database);
		Console failed = java(REPO, Map.of(), run.toArray(String[]::new));
		assertThat(failed.exit()).as(failed.both()).isEqualTo(1);
		Matcher printed = Pattern.compile("再開してください: \\./review (.*)").matcher(failed.both());
		assertThat(printed.find()).as(failed.both()).isTrue();
		assertThat(printed.group(1)).isEqualTo(String.join(" ", "restart 1 --review.store=" + f.store(), String.join(" ", database)).strip());

		// typed in the checkout as printed: config/application.yml there names other folders and another plan
		Files.delete(f.output());
		Console restarted = java(REPO, Map.of(), printed.group(1).split(" "));
		assertThat(restarted.exit()).as(restarted.both()).isIn(0, 3);
		assertThat(restarted.both())
			.contains("review.input-dir: 実行 1 の設定 " + f.input() + " を使います (この起動の設定 " + REPO.resolve("input"))
			.contains("review.output-dir: 実行 1 の設定 " + f.output() + " を使います")
			.contains("review.plan: 実行 1 の設定 " + f.plan() + " を使います")
			.contains("review.office-dir: 実行 1 の設定 " + office + " を使います (この起動の設定 " + REPO.resolve("office"))
			.containsPattern("ステップ write\\s+完了")
			.contains("振り返り: " + f.output().resolve("53期_行動計画振り返り.xlsx"));
		assertThat(f.output().resolve("53期_行動計画振り返り.xlsx")).isRegularFile();
		assertThat(f.query("SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = 2"
				+ " AND PARAMETER_NAME = 'review.office-dir'")).as("the restart reads the run's office folder")
			.containsExactly(office.toString());
	}

	// ---------------------------------------------------------------------------------------------

	record Console(int exit, String out, String err) {

		String both() {
			return out + err;
		}

	}

	/** The application from the test class path, in {@code dir}, with stdout and stderr apart. */
	private Console java(Path dir, Map<String, String> environment, String... args) throws Exception {
		List<String> line = ReviewProcesses.java();
		line.addAll(List.of(args));
		Path out = Files.createTempFile(temp, "out", ".log");
		Path err = Files.createTempFile(temp, "err", ".log");
		ProcessBuilder builder = new ProcessBuilder(line).directory(dir.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		builder.environment().remove(ReviewCommandLine.CALLER_DIR);
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(ReviewProcesses.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("no exit within " + ReviewProcesses.TIMEOUT + ": " + read(out) + read(err));
		}
		return new Console(process.exitValue(), read(out), read(err));
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

}
