package jp.csr.review.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jp.csr.review.ReviewApplication;
import jp.csr.review.SampleFolders;
import jp.csr.review.TestStore;
import jp.csr.review.cli.Commands;
import jp.csr.review.feedback.AnnotatedCopyWriter;
import jp.csr.review.store.Archive;
import jp.csr.review.store.ArchivedFiles;
import jp.csr.review.store.ArchivedFiles.ArchivedFile;
import jp.csr.review.testing.SharedStoreToo;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static jp.csr.review.feedback.Drops.cell;
import static jp.csr.review.feedback.Drops.drop;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Every host sees everything" (PRODUCT.md §10): on PostgreSQL the archived bytes are in the database, so a host with
 * a store folder of its own, and none of the submitted files, still checks every stored file by its SHA-256,
 * writes the annotated copy of a rejected file and gives the exact bytes behind a figure. Host A runs, then
 * its store folder is gone; host B, the same database, does the rest. Only on the shared store: on SQLite the
 * database is inside the store folder.
 */
@EnabledIfSystemProperty(named = "review.test.store", matches = "postgresql")
@ExtendWith(OutputCaptureExtension.class)
@SharedStoreToo
class AnotherHostTest {

	static final String DEV = "53期_DEV_システム開発部.xlsx";

	static final String RISK = "53期_RISK_リスク管理部.xlsx";

	@TempDir
	Path temp;

	final String database = TestStore.newDatabase();

	@Test
	void anotherHostChecksAnnotatesAndTracesFromTheDatabaseAlone(CapturedOutput console) throws Exception {
		Path root = SampleFolders.planOnly("host-a");
		Path inbox = root.resolve("input");
		drop(inbox, "DEV", DEV, wb -> {
		}, SampleFolders.RECEIVED);
		drop(inbox, "RISK", RISK, wb -> cell(wb, "KPI!F2").setCellValue("完了"), SampleFolders.RECEIVED);
		Path hostA = root.resolve("store");
		try (ConfigurableApplicationContext a = host(root, hostA, inbox, root.resolve("output"), "run")) {
			assertThat(exit(a)).as(console.getOut()).isEqualTo(3);
		}
		assertThat(root.resolve("output/差戻し/RISK/" + RISK)).exists();
		deleteTree(hostA);
		deleteTree(root.resolve("output"));

		// host B: its own store folder, an empty input folder, its own output folder
		Path hostB = Files.createDirectories(temp.resolve("store"));
		Path emptyInbox = Files.createDirectories(temp.resolve("input"));
		Path output = temp.resolve("output");
		int from = console.getOut().length();
		try (ConfigurableApplicationContext b = host(root, hostB, emptyInbox, output, "check")) {
			String out = console.getOut().substring(from);
			assertThat(exit(b)).as(out).isZero();
			assertThat(out).contains("正常   " + database + " の archived_file  保管ファイル 2 件すべてあり、SHA-256 も記録どおり")
				.contains("点検結果: 問題なし").doesNotContain("修復").doesNotContain("欠落");

			// the lineage: the exact bytes of an accepted file, by the SHA-256 the review shows
			String sha = Archive.sha256(inbox.resolve(DEV));
			try (ArchivedFiles.Local kept = b.getBean(ArchivedFiles.class).local(new ArchivedFile(sha, DEV, true)).orElseThrow()) {
				assertThat(kept.path()).hasSameBinaryContentAs(inbox.resolve(DEV));
				assertThat(kept.path()).startsWith(hostB);
			}
		}
		assertThat(filesUnder(hostB.resolve("tmp"))).as("the local copy is gone once read").isEmpty();

		from = console.getOut().length();
		try (ConfigurableApplicationContext b = host(root, hostB, emptyInbox, output, "run")) {
			assertThat(exit(b)).as(console.getOut().substring(from)).isIn(0, 3);
		}
		String out = console.getOut().substring(from);
		assertThat(out).doesNotContain("保管ファイルがありません").doesNotContain("保管コピーがない");
		Path copy = output.resolve("差戻し/RISK/" + RISK);
		try (Workbook wb = WorkbookFactory.create(copy.toFile(), null, true)) {
			assertThat(wb.getSheet(AnnotatedCopyWriter.SUMMARY_SHEET)).as("annotated").isNotNull();
			assertThat(wb.getSheet("KPI")).as("the department's own workbook, from the database's bytes").isNotNull();
		}
		assertThat(hostB.resolve("archive")).doesNotExist();
		assertThat(hostB.resolve("rejected")).doesNotExist();
	}

	@Test
	void statusOnADatabaseNoRunHasMadeSaysWhichOneAndThatItHasNoRuns(CapturedOutput console) throws Exception {
		Path root = SampleFolders.planOnly("fresh-database");
		try (ConfigurableApplicationContext status = host(root, root.resolve("store"), root.resolve("input"),
				root.resolve("output"), "status")) {
			assertThat(exit(status)).isZero();
		}
		// whatever language the server speaks: the tables are missing by SQLSTATE, not by its words
		assertThat(console.getOut()).contains("ストア: " + database + " (PostgreSQL、共有)")
			.contains("ストア " + database + " に実行の記録はまだありません")
			.doesNotContain("を読めませんでした");
	}

	/** A host: the application started with its own folders and the shared database, the command run. */
	private ConfigurableApplicationContext host(Path root, Path store, Path input, Path output, String command) {
		return new SpringApplicationBuilder(ReviewApplication.class).run(command, "--review.plan=" + root.resolve("plan.xlsx"),
				"--review.input-dir=" + input, "--review.output-dir=" + output, "--review.store=" + store,
				"--spring.datasource.url=" + database, "--spring.datasource.username=postgres");
	}

	private static int exit(ConfigurableApplicationContext host) {
		return host.getBean(Commands.class).getExitCode();
	}

	private static List<Path> filesUnder(Path folder) throws Exception {
		if (!Files.exists(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return new ArrayList<>(files.filter(Files::isRegularFile).toList());
		}
	}

	private static void deleteTree(Path folder) throws Exception {
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path f : files.sorted((x, y) -> y.compareTo(x)).toList()) {
				Files.delete(f);
			}
		}
	}

}
