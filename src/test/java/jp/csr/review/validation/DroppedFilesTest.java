package jp.csr.review.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.feedback.AnnotatedCopyWriter;
import jp.csr.review.form.MarkRule;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.workbook.Grid;
import jp.csr.review.workbook.WorkbookOpener;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files of src/test/resources/corpus, made by real tools, each checked as the load and {@code validate} check
 * it: an .ods reads as the same workbook saved as .xlsx; every format the product cannot read is told by name, with
 * what to save as; no message shows a Java class.
 */
class DroppedFilesTest {

	static final Path CORPUS = Path.of("src/test/resources/corpus");

	static final Pattern JAVA_NAME = Pattern.compile("[A-Z][a-zA-Z]+(Exception|Error)\\b|\\b(java|org)\\.");

	private static final Instant RECEIVED = Instant.parse("2025-10-20T01:00:00Z");

	private static final String SAVE_AS = "「Excel ブック (*.xlsx)」";

	@TempDir
	Path dir;

	private final SubmissionValidator validator = new SubmissionValidator(SampleWorkbooks.plan(),
			new MarkRule(ReviewProperties.DEFAULT_MARKS), SubmissionValidatorTest.TOKYO);

	private Validation validate(String name) {
		return validator.validate(CORPUS.resolve(name), name, RECEIVED);
	}

	private static List<String> messages(Validation v) {
		return v.issues().stream().map(Issue::describe).toList();
	}

	@Test
	void anOdsFileIsReadLikeTheSameWorkbookSavedAsXlsx() throws Exception {
		List<Grid> ods = WorkbookOpener.streaming().whole(CORPUS.resolve("53期_AD_広告審査部.ods"));
		List<Grid> xlsx = WorkbookOpener.streaming().whole(Path.of("input/53期_AD_広告審査部.xlsx"));
		assertThat(ods).extracting(Grid::name).containsExactlyElementsOf(xlsx.stream().map(Grid::name).toList());
		assertThat(ods).extracting(Grid::hidden).containsExactlyElementsOf(xlsx.stream().map(Grid::hidden).toList());
		for (int s = 0; s < xlsx.size(); s++) {
			assertThat(cells(ods.get(s))).as(xlsx.get(s).name()).isEqualTo(cells(xlsx.get(s)));
		}
		Validation fromOds = validate("53期_AD_広告審査部.ods");
		Validation fromXlsx = validator.validate(Path.of("input/53期_AD_広告審査部.xlsx"), "53期_AD_広告審査部.ods", RECEIVED);
		assertThat(fromOds.accepted()).isTrue();
		assertThat(fromOds.submission()).isEqualTo(fromXlsx.submission());
		assertThat(fromOds.issues()).isEqualTo(fromXlsx.issues());
	}

	@Test
	void anOdsWithMistakesGetsMessagesNamingSheetAndCell() {
		Validation v = validate("53期_AD_広告審査部_誤り.ods");
		assertThat(v.accepted()).isFalse();
		assertThat(v.departmentCode()).isEqualTo("AD");
		assertThat(v.issues()).extracting(Issue::where).containsExactly("KPI!F2", "KPI!F3", "取り組み!C2");
		assertThat(messages(v)).allMatch(m -> m.contains("「まあまあ」"));
	}

	@Test
	void anOdsWithInputCellsMergedOverTwoRowsIsRejectedNamingTheMergeAsAnXlsxIs() {
		Validation v = validate("53期_AD_結合セル.ods");
		assertThat(v.accepted()).isFalse();
		assertThat(v.issues()).filteredOn(i -> i.severity() == Severity.ERROR)
			.extracting(Issue::where)
			.containsExactly("取り組み!C2", "取り組み!D2");
		assertThat(messages(v)).anyMatch(m -> m.contains("取り組み!C2:C3 が結合されています"));
	}

	@Test
	void anOdsWithAPasswordIsRejectedAsPasswordProtected() throws Exception {
		Path file = dir.resolve("53期_AD_パスワード.ods");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new ZipEntry("mimetype"));
			zip.write("application/vnd.oasis.opendocument.spreadsheet".getBytes());
			zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
			zip.write(("<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
					+ "<manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data/>"
					+ "</manifest:file-entry></manifest:manifest>").getBytes());
			zip.putNextEntry(new ZipEntry("content.xml"));
			zip.write(new byte[] { 1, 2, 3 });
		}
		Validation v = validator.validate(file, file.getFileName().toString(), RECEIVED);
		assertThat(messages(v)).singleElement().asString().contains("パスワードで保護されたブックは読み込めません");
	}

	@Test
	void eachWorkbookWeCannotReadIsRejectedNamingItsFormatAndWhatToSaveAs() {
		Map<String, String> said = new LinkedHashMap<>();
		said.put("53期_AD_バイナリ.xlsb", "Excel バイナリ ブック (.xlsb) は読み込めません");
		said.put("53期_AD_Strict.xlsx", "Strict Open XML 形式のブックは読み込めません");
		said.put("53期_AD_Excel95.xls", "Excel 95 以前の形式のブックは読み込めません");
		said.put("53期_AD_集計.csv", "CSV ファイルは読み込めません");
		said.put("53期_AD_空.xlsx", "空のファイル (0 バイト) です");
		said.put("53期_AD_途中まで.xlsx", "ファイルが途中で切れているか壊れています");
		said.put("53期_AD_中身はPDF.xlsx", "ブックではありません (中身はPDFです)");
		said.forEach((file, message) -> {
			Validation v = validate(file);
			assertThat(v.accepted()).as(file).isFalse();
			assertThat(messages(v)).as(file).singleElement().asString().contains(message).contains(SAVE_AS);
		});
	}

	@Test
	void anXlsHoldingNoneOfTheFormsSheetsIsToldEachSheetIsMissing() {
		Validation v = validate("集計_様式なし.xls");
		assertThat(v.issues()).extracting(Issue::sheet).containsExactly("表紙", "KPI", "取り組み", "ハイライト");
	}

	@Test
	void noMessageOfTheCorpusShowsAJavaClassName() throws Exception {
		List<String> all = new ArrayList<>();
		try (var files = Files.list(CORPUS)) {
			for (Path file : files.filter(f -> !f.getFileName().toString().equals("README.md")).sorted().toList()) {
				Validation v = validator.validate(file, file.getFileName().toString(), RECEIVED);
				all.addAll(messages(v));
				if (!v.accepted()) {
					Path copy = dir.resolve(file.getFileName() + ".xlsx");
					if (new AnnotatedCopyWriter().write(file, v.issues(), copy)) {
						all.addAll(copyTexts(copy));
					}
				}
			}
		}
		assertThat(all).hasSizeGreaterThan(15).noneMatch(m -> JAVA_NAME.matcher(m).find());
	}

	@Test
	void theAnnotatedCopyOfAnOdsIsAnXlsxListingTheIssues() throws Exception {
		Validation v = validate("53期_AD_広告審査部_誤り.ods");
		Path copy = dir.resolve("copy.xlsx");
		assertThat(new AnnotatedCopyWriter().write(CORPUS.resolve("53期_AD_広告審査部_誤り.ods"), v.issues(), copy)).isTrue();
		assertThat(String.join("\n", copyTexts(copy))).contains(".ods 形式").contains("KPI\nF2\n").contains("まあまあ");
	}

	@Test
	void anOdsColumnDraggedToTheLastRowIsRefusedOverTheLimitsWithoutLayingOutItsRows() throws Exception {
		Path file = dir.resolve("53期_AD_下まで.ods");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new ZipEntry("mimetype"));
			zip.write("application/vnd.oasis.opendocument.spreadsheet".getBytes());
			zip.putNextEntry(new ZipEntry("content.xml"));
			zip.write(("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
					+ " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
					+ " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>"
					+ "<table:table table:name=\"KPI\"><table:table-row table:number-rows-repeated=\"1048576\">"
					+ "<table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row></table:table>"
					+ "<table:table table:name=\"根拠\"><table:table-row table:number-rows-repeated=\"1048000\">"
					+ "<table:table-cell office:value-type=\"string\"><text:p>-</text:p></table:table-cell>"
					+ "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>")
				.getBytes());
		}
		long start = System.nanoTime();
		Validation v = validator.validate(file, file.getFileName().toString(), RECEIVED);
		assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
		assertThat(messages(v)).singleElement().asString().contains("シート「根拠」の値の入った行が上限の10,000行を超えています");
	}

	/** Every text and comment of a copy. */
	static List<String> copyTexts(Path copy) throws IOException {
		List<String> texts = new ArrayList<>();
		try (Workbook wb = WorkbookFactory.create(copy.toFile(), null, true)) {
			for (Sheet sheet : wb) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						texts.add(cell.toString());
						Comment comment = cell.getCellComment();
						if (comment != null) {
							texts.add(comment.getString().getString());
						}
					}
				}
			}
		}
		return texts;
	}

	private static Map<String, String> cells(Grid grid) {
		Map<String, String> cells = new LinkedHashMap<>();
		for (int row : grid.rows()) {
			for (int column : grid.columns(row)) {
				var c = grid.cell(row, column);
				cells.put(c.address(), c.text() + "|" + c.number() + "|" + c.percentFormat() + "|" + c.date() + "|" + c.kind());
			}
		}
		return cells;
	}

}
