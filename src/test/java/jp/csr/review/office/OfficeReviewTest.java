package jp.csr.review.office;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.csr.review.ConsolidationRuns;
import jp.csr.review.ReviewWorkbook;
import jp.csr.review.SampleFolders;
import jp.csr.review.cli.TypedCommands;
import jp.csr.review.content.ReviewMarks;
import jp.csr.review.feedback.AnnotatedCopyWriter;
import jp.csr.review.feedback.Drops;
import jp.csr.review.testing.SharedStoreToo;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §11 end to end, through the real workbooks: a run writes the decision workbook; the office fills it
 * (four approved, PRIV sent back with two row comments, a decision on DEV made stale by DEV's newer file, RISK sent
 * back without a comment, an 指摘 on an ID of another department) and saves it into its folder; the next run
 * applies what it can and says why not the rest; then PRIV sends a corrected file, the office approves the rest,
 * and the review is final. PRIV's annotated copy carries the office's comments while it is sent back, and
 * {@code remind} sends it.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@SharedStoreToo
class OfficeReviewTest {

	static final Path ROOT = SampleFolders.copy("office-review");

	static final Path OUTPUT = ROOT.resolve("output");

	static final Path OFFICE = ROOT.resolve("office");

	static final Path DECISIONS = OUTPUT.resolve("53期_事務局確認.xlsx");

	static final Path REVIEW = OUTPUT.resolve("53期_行動計画振り返り.xlsx");

	static final Path OFFICE_COPY = OUTPUT.resolve("差戻し/PRIV/53期_PRIV_個人情報保護部_事務局差戻し.xlsx");

	static final String TITLE = "53期(2024年10月~2025年9月) マイナビグループ行動計画振り返り";

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	ConsolidationRuns runs;

	@Autowired
	TypedCommands typed;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOfficesDecisionsMakeTheReviewFinal(CapturedOutput output) throws Exception {
		// 1: every department accepted, nothing decided: a draft with all seven pending
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(title()).isEqualTo(TITLE + " 速報版 (未承認 7部署)");
		Map<String, Map<String, String>> rows = decisionRows();
		assertThat(rows).hasSize(7);
		assertThat(rows.get("PRIV")).containsEntry("状態", "受理").containsEntry("確認", "")
			.containsEntry("使用中のファイル", "53期_PRIV_個人情報保護部.xlsx");
		assertThat(rows.get("PRIV").get("SHA-256")).hasSize(8);
		assertThat(rows.get("ISEC")).containsEntry("達成", "1").containsEntry("未達", "1");
		try (XSSFWorkbook wb = open(DECISIONS)) {
			XSSFSheet sheet = wb.getSheet(DecisionBook.SHEET);
			assertThat(sheet.getProtect()).as("locked where the office must not type").isTrue();
			assertThat(sheet.getRow(1).getCell(0).getCellStyle().getLocked()).isTrue();
			assertThat(sheet.getRow(1).getCell(DecisionBook.FIRST_INPUT).getCellStyle().getLocked()).isFalse();
			assertThat(sheet.getDataValidations()).anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
				.containsExactly("承認", "差戻し"));
			assertThat(wb.getSheet(DecisionBook.COMMENTS).getDataValidations()).hasSize(2);
		}

		// DEV sends a newer file after the office opened the workbook: its decision will be about the old one
		Drops.drop(ROOT.resolve("input"), "DEV", "53期_DEV_システム開発部_再送.xlsx",
				wb -> Drops.cell(wb, "KPI!H2").setCellValue("再送しました"), SampleFolders.RECEIVED.plusSeconds(60));
		Path first = OFFICE.resolve("確認_山田.xlsx");
		fill(DECISIONS, first, Map.of("AD", decision("承認", null), "BCP", decision("承認", null),
				"COMP", decision("承認", null), "ISEC", decision("承認", null), "DEV", decision("承認", null),
				"PRIV", decision("差戻し", "K03 と I05 の実績の根拠を添えてください"), "RISK", decision("差戻し", null)),
				List.of(List.of("PRIV", "K03", "件数の根拠資料を添付してください"), List.of("PRIV", "I05", "実施日を記載してください"),
						List.of("PRIV", "K01", "情報セキュリティ部の KPI です")),
				Instant.parse("2025-11-04T01:00:00Z"));

		// 2: four approved, PRIV sent back by the office, DEV and RISK undecided
		int mark = output.length();
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		String night = output.getOut().substring(mark);
		assertThat(night).contains("新しい提出があるため適用しません", "差戻しにはコメントが必要です (部署 RISK)",
				"「K01」は部署 PRIV のものではありません");
		assertThat(title()).isEqualTo(TITLE + " 速報版 (未承認 3部署)");
		ReviewWorkbook review = ReviewWorkbook.open(REVIEW);
		Map<String, Map<String, String>> status = review.table("提出状況").stream()
			.collect(Collectors.toMap(r -> r.get("部署コード"), r -> r));
		assertThat(status.get("AD")).containsEntry("確認", "承認").containsEntry("確認者", "山田 花子")
			.containsEntry("状態", "受理");
		assertThat(status.get("AD").get("確認日")).isNotEmpty();
		assertThat(status.get("PRIV")).containsEntry("状態", "差戻し (事務局)").containsEntry("確認", "差戻し")
			.containsEntry("コメント", "K03 と I05 の実績の根拠を添えてください");
		assertThat(status.get("DEV")).containsEntry("確認", "未確認").containsEntry("使用中のファイル", "53期_DEV_システム開発部_再送.xlsx");
		assertThat(status.get("RISK")).containsEntry("確認", "未確認");
		assertThat(review.table("検証結果")).extracting(r -> r.get("ファイル") + " " + r.get("シート") + " " + r.get("メッセージ"))
			.anySatisfy(l -> assertThat(l).startsWith("確認_山田.xlsx 確認 差戻しにはコメントが必要です"))
			.anySatisfy(l -> assertThat(l).contains("新しい提出があるため適用しません"));
		assertThat(jdbc.sql("SELECT department_code || ' ' || review_decision || ' ' || COALESCE(reviewer, '-')"
				+ " FROM review_submission WHERE term = 53 ORDER BY department_code").query(String.class).list())
			.containsExactly("AD 承認 山田 花子", "BCP 承認 山田 花子", "COMP 承認 山田 花子", "DEV 未確認 -", "ISEC 承認 山田 花子",
					"PRIV 差戻し 山田 花子", "RISK 未確認 -");
		assertSentBackMarked(review, "PRIV");
		String board = Files.readString(OUTPUT.resolve("index.html"));
		assertThat(board).contains("速報版 (未承認 3部署)", "承認 (山田 花子 2025-11-04)", "未確認");
		assertThat(typed.exit("status")).isZero();
		assertThat(output.getOut().substring(mark)).contains("事務局確認: 速報版 (未承認 3部署)")
			.containsPattern("PRIV .*確認 差戻し \\(山田 花子 2025-11-04\\)").containsPattern("DEV .*確認 未確認");
		// the workbook of the next night: what is decided prefilled, DEV's newer file open for a decision
		rows = decisionRows();
		assertThat(rows.get("AD")).containsEntry("確認", "承認").containsEntry("確認者", "山田 花子");
		assertThat(rows.get("DEV")).containsEntry("確認", "").containsEntry("使用中のファイル", "53期_DEV_システム開発部_再送.xlsx");
		assertThat(rows.get("PRIV")).containsEntry("状態", "差戻し (事務局)").containsEntry("確認", "差戻し");

		// PRIV's copy: its own workbook with the office's row comments on the rows' ID cells, the comment on 差戻し内容
		assertThat(OFFICE_COPY).isRegularFile();
		try (XSSFWorkbook wb = open(OFFICE_COPY)) {
			assertThat(wb.getSheetName(0)).isEqualTo(AnnotatedCopyWriter.SUMMARY_SHEET);
			assertThat(comment(idCell(wb, "KPI", "K03"))).isEqualTo("【事務局】件数の根拠資料を添付してください");
			assertThat(comment(idCell(wb, "取り組み", "I05"))).isEqualTo("【事務局】実施日を記載してください");
			assertThat(AnnotatedCopyWriter.isErrorFill(idCell(wb, "KPI", "K03").getCellStyle())).isTrue();
			assertThat(texts(wb.getSheet(AnnotatedCopyWriter.SUMMARY_SHEET))).anySatisfy(t -> assertThat(t)
				.startsWith("「53期_PRIV_個人情報保護部_事務局差戻し.xlsx」は事務局の確認で差戻しになりました"))
				.contains("K03 と I05 の実績の根拠を添えてください", "件数の根拠資料を添付してください")
				.noneSatisfy(t -> assertThat(t).contains("情報セキュリティ部の KPI です"));
			assertThat(listedBy(wb.getSheet(AnnotatedCopyWriter.SUMMARY_SHEET))).as("who speaks, on 差戻し内容")
				.containsEntry("K03 と I05 の実績の根拠を添えてください", "事務局")
				.containsEntry("件数の根拠資料を添付してください", "事務局")
				.containsEntry("実施日を記載してください", "事務局")
				.doesNotContainValue("エラー");
		}
		// remind sends it like any 差戻し, the office's comments in the body
		mark = output.length();
		assertThat(typed.exit("remind", "--dry-run")).isZero();
		assertThat(output.getOut().substring(mark)).contains("[dry-run] PRIV 個人情報保護部 (差戻し)",
				"件名: 【53期 行動計画振り返り】差戻しのお知らせ (事務局確認)", "添付: 53期_PRIV_個人情報保護部_事務局差戻し.xlsx");
		FileTime written = Files.getLastModifiedTime(OFFICE_COPY);

		// a run that reads the same workbook again records nothing twice, and writes the copy not again
		int recorded = jdbc.sql("SELECT COUNT(*) FROM office_decision").query(Integer.class).single();
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM office_decision").query(Integer.class).single()).isEqualTo(recorded);
		assertThat(Files.getLastModifiedTime(OFFICE_COPY)).isEqualTo(written);
		// unless it is gone
		Files.delete(OFFICE_COPY);
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(OFFICE_COPY).isRegularFile();

		// 3: PRIV sends a corrected file; the office approves DEV, PRIV and RISK in a later workbook
		Drops.drop(ROOT.resolve("input"), "PRIV", "53期_PRIV_個人情報保護部_修正.xlsx",
				wb -> Drops.cell(wb, "KPI!H2").setCellValue("根拠資料を添付しました"), SampleFolders.RECEIVED.plusSeconds(120));
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(decisionRows().get("PRIV")).containsEntry("状態", "受理").containsEntry("確認", "");
		assertThat(OFFICE_COPY).as("settled by the newer file").doesNotExist();
		assertThat(ReviewWorkbook.open(REVIEW).cells().values()).as("no longer marked once PRIV sent a newer file")
			.noneSatisfy(text -> assertThat(text).contains(ReviewMarks.SENT_BACK));
		assertThat(Files.readString(OUTPUT.resolve("53期_行動計画振り返り.html"))).doesNotContain(ReviewMarks.SENT_BACK);
		fill(DECISIONS, OFFICE.resolve("確認_山田_2.xlsx"), Map.of("DEV", decision("承認", null),
				"PRIV", decision("承認", null), "RISK", decision("承認", null)), List.of(), Instant.parse("2025-11-05T01:00:00Z"));
		assertThat(runs.start().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(title()).isEqualTo(TITLE + " 確定版");
		assertThat(Files.readString(OUTPUT.resolve("53期_行動計画振り返り.html"))).contains("確定版");
		try (PDDocument pdf = Loader.loadPDF(OUTPUT.resolve("53期_行動計画振り返り.pdf").toFile())) {
			assertThat(pdf.getDocumentInformation().getTitle()).endsWith(" 確定版");
		}
		assertThat(Files.readString(OUTPUT.resolve("index.html"))).contains("確定版");
	}

	/**
	 * PRODUCT.md §11: the values of a department the office sent back stay in the review, marked: its KPIs' 結果 in
	 * KPI達成状況, its 実績 in 振り返り (the legend says what the mark means), and the web page drawn from the same table.
	 */
	private static void assertSentBackMarked(ReviewWorkbook review, String department) throws Exception {
		List<Map<String, String>> kpis = review.table("KPI達成状況");
		assertThat(kpis).filteredOn(k -> department.equals(k.get("部署コード"))).isNotEmpty()
			.allSatisfy(k -> assertThat(k.get("結果")).endsWith(ReviewMarks.SENT_BACK).hasSizeGreaterThan(ReviewMarks.SENT_BACK.length()));
		assertThat(kpis).filteredOn(k -> !department.equals(k.get("部署コード")))
			.allSatisfy(k -> assertThat(k.get("結果")).doesNotContain(ReviewMarks.SENT_BACK));
		Map<String, Boolean> commitments = new LinkedHashMap<>();
		kpis.forEach(k -> commitments.merge(k.get("コミットメント"), department.equals(k.get("部署コード"))
				&& !k.get("実績").isEmpty(), Boolean::logicalOr));
		XSSFSheet sheet = review.sheet("振り返り");
		int checked = 0;
		for (Row row : sheet) {
			Cell commitment = row.getCell(1);
			Boolean theirs = commitment == null ? null : commitments.get(commitment.getStringCellValue());
			if (theirs != null && row.getCell(5) != null) {
				String result = row.getCell(5).getStringCellValue();
				if (theirs) {
					assertThat(result).as(commitment.getStringCellValue()).contains(ReviewMarks.SENT_BACK);
				}
				else {
					assertThat(result).as(commitment.getStringCellValue()).doesNotContain(ReviewMarks.SENT_BACK);
				}
				checked++;
			}
		}
		assertThat(checked).isEqualTo(commitments.size());
		assertThat(review.cells().values()).anySatisfy(t -> assertThat(t).startsWith(ReviewMarks.SENT_BACK + " 事務局が差戻した部署の値"));
		assertThat(Files.readString(OUTPUT.resolve("53期_行動計画振り返り.html"))).contains(ReviewMarks.SENT_BACK)
			.contains(ReviewMarks.SENT_BACK + " 事務局が差戻した部署の値");
	}

	private static String title() throws Exception {
		return ReviewWorkbook.open(REVIEW).sheet("振り返り").getRow(0).getCell(0).getStringCellValue();
	}

	private static Map<String, Map<String, String>> decisionRows() throws Exception {
		return ReviewWorkbook.open(DECISIONS).table(DecisionBook.SHEET).stream()
			.collect(Collectors.toMap(r -> r.get("部署コード"), r -> r));
	}

	private static String[] decision(String decision, String comment) {
		return new String[] { decision, comment };
	}

	/** The office fills the decision workbook in Excel and saves it under a name of its own into its folder. */
	static void fill(Path book, Path saved, Map<String, String[]> decisions, List<List<String>> comments,
			Instant at) throws Exception {
		try (XSSFWorkbook wb = open(book)) {
			XSSFSheet sheet = wb.getSheet(DecisionBook.SHEET);
			int first = DecisionBook.FIRST_INPUT;
			for (Row row : sheet) {
				String[] d = row.getRowNum() == 0 ? null : decisions.get(row.getCell(0).getStringCellValue());
				if (d != null) {
					typeOver(row.getCell(first), d[0]);
					if (d[1] != null) {
						typeOver(row.getCell(first + 1), d[1]);
					}
					typeOver(row.getCell(first + 2), "山田 花子");
				}
			}
			XSSFSheet notes = wb.getSheet(DecisionBook.COMMENTS);
			int r = notes.getLastRowNum() - DecisionBook.COMMENT_ROWS + 1;
			for (List<String> c : comments) {
				Row row = notes.getRow(r++);
				for (int i = 0; i < c.size(); i++) {
					row.getCell(i).setCellValue(c.get(i));
				}
			}
			Files.createDirectories(saved.getParent());
			try (OutputStream out = Files.newOutputStream(saved)) {
				wb.write(out);
			}
		}
		Files.setLastModifiedTime(saved, FileTime.from(at));
	}

	/**
	 * What typing into a cell does in Excel: the new value replaces the old. POI's own setter would keep the text of a
	 * prefilled cell the workbook holds as an inline string, and set only the value behind it.
	 */
	private static void typeOver(Cell cell, String value) {
		cell.setBlank();
		cell.setCellValue(value);
	}

	/** The cell of the sheet that holds exactly the ID, as a department finds its row. */
	private static Cell idCell(XSSFWorkbook wb, String sheet, String id) {
		for (Row row : wb.getSheet(sheet)) {
			for (Cell cell : row) {
				if (cell.getCellType() == CellType.STRING && id.equals(cell.getStringCellValue())) {
					return cell;
				}
			}
		}
		throw new AssertionError(sheet + " has no row " + id);
	}

	private static String comment(Cell cell) {
		return cell.getCellComment() == null ? null : cell.getCellComment().getString().getString();
	}

	private static List<String> texts(XSSFSheet sheet) {
		List<String> texts = new ArrayList<>();
		sheet.forEach(row -> row.forEach(cell -> {
			if (cell.getCellType() == CellType.STRING) {
				texts.add(cell.getStringCellValue());
			}
		}));
		return texts;
	}

	/** 差戻し内容's list: each message (内容, column D) → what its first column says (エラー, 警告, 事務局). */
	private static Map<String, String> listedBy(XSSFSheet list) {
		Map<String, String> labels = new LinkedHashMap<>();
		list.forEach(row -> {
			Cell label = row.getCell(0);
			Cell message = row.getCell(3);
			if (label != null && message != null && message.getCellType() == CellType.STRING
					&& !"内容".equals(message.getStringCellValue())) {
				labels.put(message.getStringCellValue(), label.getStringCellValue());
			}
		});
		return labels;
	}

	private static XSSFWorkbook open(Path file) throws Exception {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

}
