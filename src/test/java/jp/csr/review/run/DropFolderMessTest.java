package jp.csr.review.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jp.csr.review.SampleFolders;
import jp.csr.review.cli.Commands;
import jp.csr.review.config.ReviewProperties;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.store.Archive;
import jp.csr.review.testing.SharedStoreToo;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §3, "one file never stops the others", as an admin meets it on the console: duplicates
 * in one drop, files that vanish, change or cannot be read between the scan and the load. Each run is
 * the real {@code run} command (exit code and console lines) on workbooks in a temporary drop folder.
 * <p>
 * The tests share one store; each drops files with contents of its own (a marker in a cell), so that
 * no test's bytes are another's.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@SharedStoreToo
class DropFolderMessTest {

	static final Path ROOT = SampleFolders.planOnly("drop-folder-mess");

	static final Path INPUT = ROOT.resolve("input");

	static final Instant T0 = Instant.parse("2025-10-20T01:00:00Z");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	Commands commands;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	@AfterEach
	void emptyDropAndNoHooks() throws IOException {
		Hooks.afterScan = () -> {
		};
		Hooks.unreadable.clear();
		try (var files = Files.walk(INPUT)) {
			for (Path f : files.sorted(Comparator.reverseOrder()).filter(f -> !f.equals(INPUT)).toList()) {
				Files.delete(f);
			}
		}
	}

	@Test
	void theSameBytesUnderSeveralNamesAndFoldersAreOneSubmissionTakenOnce(CapturedOutput console) throws Exception {
		Path original = drop("総務部/a/20260420_COMP_訂正版.xlsx", "COMP", "duplicates", T0);
		Path other = drop("ISEC.xlsx", "ISEC", "duplicates", T0.plusSeconds(30));
		Path otherFolder = copy(original, "総務部/b/20260420_COMP_訂正版.xlsx", T0.plusSeconds(60));
		Path resent = copy(original, "20260421_COMP_訂正版_再送.xlsx", T0.plusSeconds(120));

		assertThat(run()).as(console.getOut()).isZero();
		assertThat(outcome(original)).isEqualTo("ACCEPTED");
		assertThat(outcome(other)).isEqualTo("ACCEPTED");
		assertThat(outcome(otherFolder)).isEqualTo("SKIPPED");
		assertThat(outcome(resent)).isEqualTo("SKIPPED");
		assertThat(note(otherFolder)).isEqualTo(original + " と同じ内容のため");
		assertThat(note(resent)).isEqualTo(original + " と同じ内容のため");
		assertThat(console.getOut()).contains("スキップ " + otherFolder + "  (" + original + " と同じ内容のため)")
			.contains("スキップ " + resent + "  (" + original + " と同じ内容のため)")
			.containsPattern("完了 \\(実行 \\d+\\): 受理 2 / 差戻し 0 / スキップ 2 / 読取不可 0 / 待機 0");
		assertThat(jdbc.sql("SELECT original_path FROM submission_file WHERE sha256 = ?").param(Archive.sha256(original))
			.query(String.class).list()).containsExactly(original.toString());

		// the next night, yet another copy: skipped, naming the file taken the night before
		Path again = copy(original, "20260422_COMP_再々送.xlsx", T0.plusSeconds(180));
		assertThat(run()).as(console.getOut()).isZero();
		assertThat(outcome(again)).isEqualTo("SKIPPED");
		assertThat(note(again)).isEqualTo("取り込み済みの " + original + " と同じ内容のため");
		assertThat(console.getOut()).contains("スキップ " + again + "  (取り込み済みの " + original + " と同じ内容のため)");
	}

	@Test
	void aFileGoneOrChangedAfterTheScanWaitsForTheNextRunAndTheOthersAreLoaded(CapturedOutput console) throws Exception {
		Path gone = drop("DEV.xlsx", "DEV", "vanishing", T0);
		Path changed = drop("BCP.xlsx", "BCP", "vanishing", T0.plusSeconds(10));
		Path firstCopy = drop("a/RISK.xlsx", "RISK", "vanishing", T0.plusSeconds(20));
		Path secondCopy = copy(firstCopy, "b/RISK_再送.xlsx", T0.plusSeconds(30));
		Path later = drop("AD.xlsx", "AD", "vanishing", T0.plusSeconds(40));
		byte[] goneBytes = Files.readAllBytes(gone);
		Hooks.afterScan = () -> {
			try {
				Files.delete(gone);
				Files.delete(firstCopy);
				rewrite(changed, "BCP", "vanishing, then changed");
				Files.setLastModifiedTime(changed, FileTime.from(T0.plusSeconds(10)));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		};

		assertThat(run()).as(console.getOut()).isZero();
		assertThat(outcome(gone)).isEqualTo("MISSING");
		assertThat(note(gone)).isEqualTo("読み込む前に削除されました");
		assertThat(outcome(changed)).isEqualTo("CHANGED");
		assertThat(note(changed)).isEqualTo("読み込み中に変更されました");
		// the first copy is gone: the next copy of the same bytes is taken
		assertThat(outcome(firstCopy)).isEqualTo("MISSING");
		assertThat(outcome(secondCopy)).isEqualTo("ACCEPTED");
		assertThat(outcome(later)).isEqualTo("ACCEPTED");
		assertThat(console.getOut()).contains("待機     " + gone + "  (読み込む前に削除されました。次回に取り込みます)")
			.contains("待機     " + changed + "  (読み込み中に変更されました。次回に取り込みます)")
			.containsPattern("ステップ load\\s+完了")
			.containsPattern("完了 \\(実行 \\d+\\): 受理 2 / 差戻し 0 / スキップ 0 / 読取不可 0 / 待機 3");

		// back the next night: taken then
		Hooks.afterScan = () -> {
		};
		Files.write(gone, goneBytes);
		Files.setLastModifiedTime(gone, FileTime.from(T0));
		copy(secondCopy, "a/RISK.xlsx", T0.plusSeconds(20));
		assertThat(run()).as(console.getOut()).isZero();
		assertThat(outcome(gone)).isEqualTo("ACCEPTED");
		assertThat(outcome(changed)).isEqualTo("ACCEPTED");
		assertThat(outcome(firstCopy)).isEqualTo("SKIPPED");
		assertThat(note(firstCopy)).isEqualTo("取り込み済みの " + secondCopy + " と同じ内容のため");
	}

	@Test
	void aFileThatCannotBeReadIsNotedOnItsOwnLineRetriedNextRunAndTheRunExits3(CapturedOutput console)
			throws Exception {
		Path denied = drop("ISEC.xlsx", "ISEC", "unreadable", T0);
		Path failing = drop("部署/AD.xlsx", "AD", "unreadable", T0.plusSeconds(10));
		Path fine = drop("COMP.xlsx", "COMP", "unreadable", T0.plusSeconds(20));
		// the scan cannot read one file; another one fails (a disk error) only when the load stages it
		Hooks.unreadable.put(denied, new AccessDeniedException(denied.toString()));
		Hooks.afterScan = () -> Hooks.unreadable.put(failing, new IOException("Input/output error"));

		assertThat(run()).as(console.getOut()).isEqualTo(3);
		assertThat(outcome(denied)).isEqualTo("UNREADABLE");
		assertThat(note(denied)).isEqualTo("読み取り権限がありません");
		assertThat(outcome(failing)).isEqualTo("UNREADABLE");
		assertThat(note(failing)).isEqualTo("読み取れません (IOException: Input/output error)");
		assertThat(outcome(fine)).isEqualTo("ACCEPTED");
		assertThat(console.getOut()).contains("読取不可 " + denied + "  (読み取り権限がありません。次回もう一度読み込みます)")
			.contains("読取不可 " + failing + "  (読み取れません (IOException: Input/output error)。次回もう一度読み込みます)")
			.containsPattern("完了 \\(実行 \\d+\\): 受理 1 / 差戻し 0 / スキップ 0 / 読取不可 2 / 待機 0");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM submission_file WHERE original_path IN (?, ?)")
			.params(denied.toString(), failing.toString()).query(Integer.class).single()).as("not recorded as ingested")
			.isZero();
		assertThat(ROOT.resolve("store/staging")).isEmptyDirectory();

		Hooks.afterScan = () -> {
		};
		Hooks.unreadable.clear();
		assertThat(run()).as(console.getOut()).isZero();
		assertThat(outcome(denied)).isEqualTo("ACCEPTED");
		assertThat(outcome(failing)).isEqualTo("ACCEPTED");
		assertThat(console.getOut()).contains("スキップ " + fine + "  (同じ内容を取り込み済み)");
	}

	// ---------------------------------------------------------------------------------------------

	private int run() throws Exception {
		commands.run(new DefaultApplicationArguments("run"));
		return commands.getExitCode();
	}

	/** The outcome of the file in the latest run that listed it. */
	private String outcome(Path file) {
		return candidate(file).get("outcome");
	}

	private String note(Path file) {
		return candidate(file).get("note");
	}

	private Map<String, String> candidate(Path file) {
		return jdbc.sql("""
				SELECT outcome, note FROM scan_candidate WHERE path = ? ORDER BY job_instance_id DESC LIMIT 1""")
			.param(file.toString())
			.query((rs, n) -> {
				Map<String, String> row = new HashMap<>();
				row.put("outcome", rs.getString(1));
				row.put("note", rs.getString(2));
				return row;
			})
			.single();
	}

	/** A department's sample submission with a marker of the test in a free-text cell, received at {@code at}. */
	private static Path drop(String relative, String department, String marker, Instant at) throws IOException {
		Path file = INPUT.resolve(relative);
		Files.createDirectories(file.getParent());
		rewrite(file, department, marker);
		Files.setLastModifiedTime(file, FileTime.from(at));
		return file;
	}

	private static void rewrite(Path file, String department, String marker) {
		try (XSSFWorkbook wb = SampleWorkbooks.filled(department)) {
			wb.getSheet("KPI").getRow(1).getCell(6, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(marker);
			SampleWorkbooks.saveAs(wb, file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The same bytes under another name, received at {@code at}. */
	private static Path copy(Path from, String relative, Instant at) throws IOException {
		Path file = INPUT.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.copy(from, file, StandardCopyOption.REPLACE_EXISTING);
		Files.setLastModifiedTime(file, FileTime.from(at));
		return file;
	}

	/**
	 * What a test may do to the drop folder while a run is under way: act between the scan and the load,
	 * and make reading a file fail ({@link Archive#open} is where every read of the input folder goes;
	 * root, who runs the tests, reads whatever the permissions say).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Hooks {

		static volatile Runnable afterScan = () -> {
		};

		static final Map<Path, IOException> unreadable = new ConcurrentHashMap<>();

		@Bean
		@Primary
		Archive failingArchive(ReviewProperties properties) {
			return new Archive(properties) {
				@Override
				protected InputStream open(Path file) throws IOException {
					IOException failure = unreadable.get(file);
					if (failure != null) {
						throw failure;
					}
					return super.open(file);
				}
			};
		}

		@Bean
		static BeanPostProcessor afterScanHook() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if ("scan".equals(name) && bean instanceof AbstractStep step) {
						step.registerStepExecutionListener(new StepExecutionListener() {
							@Override
							public ExitStatus afterStep(StepExecution stepExecution) {
								afterScan.run();
								return null;
							}
						});
					}
					return bean;
				}
			};
		}

	}

}
