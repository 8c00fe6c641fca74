package jp.csr.review.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jp.csr.review.testing.ReviewProcesses;
import jp.csr.review.testing.ReviewProcesses.Folders;
import jp.csr.review.testing.ReviewProcesses.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real run and {@code validate} on the corpus of dropped files (src/test/resources/corpus): every file gets a
 * line, an .ods is taken like an .xlsx, a workbook in a format the product cannot read is rejected naming it, a
 * PDF or a Word file is 対象外 and sends nobody back; no line shows a Java class.
 */
class DroppedFilesProcessTest {

	private static final Path CORPUS = Path.of("src/test/resources/corpus");

	private static final Pattern JAVA_NAME = Pattern.compile("[A-Z][a-zA-Z]+(Exception|Error)\\b|\\b(java|org)\\.");

	private static final Instant RECEIVED = Instant.parse("2025-10-20T01:00:00Z");

	@TempDir
	Path temp;

	private static void drop(Folders f, String corpusFile) throws Exception {
		Path target = f.input().resolve(corpusFile);
		Files.copy(CORPUS.resolve(corpusFile), target, StandardCopyOption.REPLACE_EXISTING);
		Files.setLastModifiedTime(target, FileTime.from(RECEIVED.plusSeconds(60)));
	}

	@Test
	void everyDroppedFileGetsATrueAnswerOnTheConsoleAndInTheReview() throws Exception {
		Folders f = Folders.in(temp);
		Files.delete(f.input().resolve("53期_AD_広告審査部.xlsx"));
		for (String file : List.of("53期_AD_広告審査部.ods", "53期_AD_バイナリ.xlsb", "53期_AD_集計.csv", "報告書.pdf",
				"メモ.docx", "53期_AD_途中まで.xlsx")) {
			drop(f, file);
		}

		Result run = f.run("run");

		assertThat(run.exit()).as(run.output()).isEqualTo(3);
		assertThat(run.output()).contains("受理     " + f.input().resolve("53期_AD_広告審査部.ods") + "  部署 AD")
			.contains("対象外   " + f.input().resolve("報告書.pdf"))
			.contains("対象外   " + f.input().resolve("メモ.docx"))
			.contains("Excel バイナリ ブック (.xlsb) は読み込めません")
			.contains("CSV ファイルは読み込めません")
			.contains("ファイルが途中で切れているか壊れています")
			.containsPattern("完了 \\(実行 \\d+\\): 受理 7 / 差戻し 3 / スキップ 0 / 読取不可 0 / 待機 0 / 対象外 2");
		assertThat(run.output().lines()).noneMatch(l -> JAVA_NAME.matcher(l).find());
		assertThat(f.query("SELECT status FROM submission_file WHERE department_code = 'AD'")).containsExactly("ACCEPTED");
		List<String> review = ReviewProcesses.cells(f.review());
		assertThat(review).anyMatch(c -> c.startsWith("検証結果!") && c.endsWith("=報告書.pdf"))
			.anyMatch(c -> c.startsWith("検証結果!") && c.endsWith("=対象外"))
			.anyMatch(c -> c.startsWith("検証結果!") && c.contains("(.xlsb) は読み込めません"))
			.noneMatch(c -> JAVA_NAME.matcher(c).find());
		try (var archived = Files.walk(f.store())) {
			assertThat(archived.map(Path::toString)).anyMatch(p -> p.endsWith(".ods"));
		}
	}

	@Test
	void onlyFilesThatAreNoWorkbookKeepTheRunAtExitZero() throws Exception {
		Folders f = Folders.in(temp);
		drop(f, "報告書.pdf");
		Result run = f.run("run");
		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.output()).contains("対象外   " + f.input().resolve("報告書.pdf"));
	}

	@Test
	void validateAnswersEveryFileOfTheCorpusWithoutAJavaClassName() throws Exception {
		Folders f = Folders.in(temp);
		List<String> files;
		try (var corpus = Files.list(CORPUS)) {
			files = corpus.filter(p -> !p.getFileName().toString().equals("README.md"))
				.map(p -> p.toAbsolutePath().toString()).sorted().toList();
		}
		Result validate = f.run("validate", files.toArray(String[]::new));
		assertThat(validate.exit()).as(validate.output()).isEqualTo(3);
		assertThat(validate.output()).contains("OK     " + CORPUS.toAbsolutePath().resolve("53期_AD_広告審査部.ods"))
			.contains("Strict Open XML 形式のブックは読み込めません")
			.contains("Excel 95 以前の形式のブックは読み込めません")
			.contains("空のファイル (0 バイト) です")
			.contains("ブックではありません (中身はPDFです)")
			.contains("KPI!F2: 実績「まあまあ」");
		assertThat(validate.output().lines()).noneMatch(l -> JAVA_NAME.matcher(l).find());
	}

}
