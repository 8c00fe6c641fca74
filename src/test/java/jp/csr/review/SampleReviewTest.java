package jp.csr.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.csr.review.store.ArchivedFiles;
import jp.csr.review.store.ArchivedFiles.ArchivedFile;
import jp.csr.review.testing.SharedStoreToo;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real job on the bundled sample, in a temporary folder: 振り返り must show the reference
 * (shared/reference/group-review-53.txt) cell by cell.
 */
@SpringBootTest
@SharedStoreToo
class SampleReviewTest {

	static final Path ROOT = SampleFolders.copy("sample-review");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}


	/** One review row per initiative, in plan order, with the reference's mark (its blank cells are ◎). */
	static final List<String[]> INITIATIVES = List.of(
			new String[] { "社内向けのセキュリティサービス提供", "◎" },
			new String[] { "海外を含む子会社との情報セキュリティに関する連絡網の策定", "○" },
			new String[] { "他社CSIRTとの連携", "◎" },
			new String[] { "個人情報e-learning学習終了率(定量:100%)", "◎" },
			new String[] { "役員向け情報セキュリティ研修の実施", "◎" },
			new String[] { "委託先監査の実施", "◎" },
			new String[] { "プライバシーセンター設置に向けた取り組み着手", "○" },
			new String[] { "コンプライアンス研修受講率100%に向けた継続的な取組の継続", "◎" },
			new String[] { "職場環境に関する定期的な調査の実施", "◎" },
			new String[] { "相談・通報ホットラインの認知率向上に向けた取組の継続", "◎" },
			new String[] { "リスク事象の積極的な収束と対策・改善の実施", "◎" },
			new String[] { "クレーム・トラブル集約(インシデントレポート)方法の改善", "◎" },
			new String[] { "リスクマネジメント研修等、啓蒙う施策の推進", "◎" },
			new String[] { "腐敗防止方針策定の着手", "◎" },
			new String[] { "脆弱性診断および脆弱性管理における全社設計への着手および未申請事業部へのアプローチ", "○" },
			new String[] { "セキュリティレビューの実施", "◎" },
			new String[] { "広告・宣伝ガイドラインに沿った適切な運用", "○" },
			new String[] { "生成AI等の新技術の適切な利活用", "◎" },
			new String[] { "求人広告審査基準・審査体制の適切な運用およびの確保", "◎" },
			new String[] { "求職者からの苦情相談窓口の設置・運用", "◎" },
			new String[] { "BCP訓練の実施(コーポレート部門、危機対応本部)、訓練結果の分析と文書整備", "◎" },
			new String[] { "事業部のBIA・リスク分析実施(Business Impact Analysis = ビジネスインパクト分析)", "◎" },
			new String[] { "BCP規程、危機時対応マニュアルの見直し", "◎" },
			new String[] { "リスク管理体制の構築に向けたBCPプロジェクトの推進・浸透", "◎" },
			new String[] { "新 IT-BCPガイドラインの刷新", "○" });

	/** Per commitment: its first row, rows, text, KPI cell, 実績 cell, and the opening of its highlight. */
	record Commitment(int firstRow, int rows, String text, String kpis, String results, String highlightOpening) {
	}

	static final List<Commitment> COMMITMENTS = List.of(
			new Commitment(2, 3, "情報セキュリティ体制の構築", "重大インシデント件数0件\nISMS維持(取得部門についてのみ)",
					"重大インシデント件数1件\nISMS維持", "53期の主な取り組みは下記の通り"),
			new Commitment(5, 4, "適切な個人情報の管理", "重大な個人情報漏洩件数 0件\nプライバシーマーク維持",
					"重大な個人情報漏洩件数 1件\nプライバシーマーク維持", "53期の主な取り組みは下記の通り"),
			new Commitment(9, 7, "コンプライアンス・リスクマネジメント経営の推進",
					"コンプライアンス研修の目標受講率100%\n相談・通報ホットラインの認知率向上\n重大な法令違反・重大アクシデント発生件数 0件\nリスク管理体制の改善",
					"コンプライアンス研修受講率 98.9%\n相談・通報ホットラインの認知率 98.4%\n重大な法令違反・重大アクシデント発生件数 0件",
					"53期において、重大な法令違反やアクシデントは発生しなかった。"),
			new Commitment(16, 2, "製品の安全性・信頼性の確保", "システム起因インシデント件数減少", "システム起因インシデント2件",
					"システム起因インシデントに関して、上記記載の重大インシデントと重大な個人情報漏洩は、いずれもシステムに起因して発生している。"),
			new Commitment(18, 4, "広告倫理や審査体制を含めた適切なマーケティングの実施", "適切な広告コンテンツの維持\n適切な募集情報の維持",
					"取り組みを継続中", "全ての項目において、適切な対応を継続できている。"),
			new Commitment(22, 5, "リスク管理体制の拡充", "BCP規程の社内啓蒙\n自然災害・疫病・テロ等の対策拡充", "BCP対策の整備",
					"2024年6月から、総務企画本部に紐づく形でBCP専任部署を設置し、全社BCP対応を行っている。"));

	@Autowired
	ConsolidationRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ArchivedFiles archived;

	JobExecution run() throws Exception {
		return runs.start();
	}

	@Test
	void reviewReproducesTheReferenceAndASecondRunChangesNothing() throws Exception {
		List<String> inputBefore = inputFolder();
		JobExecution first = run();
		assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Path review = ROOT.resolve("output/53期_行動計画振り返り.xlsx");
		assertThat(review).exists();
		List<List<String>> firstContent;
		try (InputStream in = Files.newInputStream(review); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			assertReference(workbook.getSheet("振り返り"));
			// two A3 pages, as the reference prints: the second begins with 製品の安全性・信頼性の確保 (row 17)
			assertThat(workbook.getSheet("振り返り").getRowBreaks()).containsExactly(COMMITMENTS.get(3).firstRow() - 1);
			assertVerdicts(workbook.getSheet("KPI達成状況"));
			firstContent = content(workbook);
		}
		int files = count("submission_file");
		int values = count("kpi_result") + count("initiative_result") + count("highlight");
		assertThat(files).isEqualTo(7);
		assertThat(count("kpi_result")).isEqualTo(13);
		assertThat(count("initiative_result")).isEqualTo(25);

		JobExecution second = run();
		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("submission_file")).isEqualTo(files);
		assertThat(count("kpi_result") + count("initiative_result") + count("highlight")).isEqualTo(values);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM scan_candidate WHERE job_instance_id = ? AND outcome = 'SKIPPED'")
			.param(second.getJobInstanceId()).query(Integer.class).single()).isEqualTo(7);
		try (InputStream in = Files.newInputStream(review); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			assertThat(content(workbook)).isEqualTo(firstContent);
		}
		assertThat(inputFolder()).as("the input folder is read, never modified").isEqualTo(inputBefore);
		// every accepted file is kept in the store under its SHA-256 (files on SQLite, rows on PostgreSQL)
		for (ArchivedFile file : jdbc.sql("SELECT sha256, file_name, status FROM submission_file")
			.query((rs, n) -> ArchivedFile.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list()) {
			assertThat(file.accepted()).isTrue();
			assertThat(archived.sha256(file)).contains(file.sha256());
		}
	}

	/** Name, size, modification time and SHA-256 of every file in the input folder. */
	private static List<String> inputFolder() throws IOException {
		try (Stream<Path> files = Files.walk(ROOT.resolve("input"))) {
			List<String> listing = new ArrayList<>();
			for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
				listing.add(f.getFileName() + " " + Files.size(f) + " " + Files.getLastModifiedTime(f) + " "
						+ jp.csr.review.store.Archive.sha256(f));
			}
			return listing;
		}
	}

	private int count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
	}

	static void assertReference(Sheet sheet) {
		assertThat(text(sheet, 0, 0)).isEqualTo("53期(2024年10月~2025年9月) マイナビグループ行動計画振り返り 速報版 (未承認 7部署)");
		assertThat(List.of(0, 1, 2, 3, 4, 5, 6).stream().map(c -> text(sheet, 1, c).replace('\n', ' ')).toList())
			.containsExactly("マテリアリティ", "コミットメント", "53期KPI (2024年10月~2025年9月)", "具体的な取り組み", "アクションプランに 対する自己評価",
					"53期実績 (2024年10月~2025年9月)", "53期実績(2024年10月~2025年9月) 主な取り組みとハイライト");

		for (int i = 0; i < INITIATIVES.size(); i++) {
			int row = 2 + i;
			assertThat(text(sheet, row, 3)).as("initiative of row %d", row + 1).isEqualTo(INITIATIVES.get(i)[0]);
			assertThat(text(sheet, row, 4)).as("mark of %s", INITIATIVES.get(i)[0]).isEqualTo(INITIATIVES.get(i)[1]);
			assertThat(sheet.getRow(row).getCell(4).getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.CENTER);
		}

		List<String> merged = sheet.getMergedRegions().stream().map(CellRangeAddress::formatAsString).toList();
		assertThat(text(sheet, 2, 0)).isEqualTo("責任ある企業活動の実施");
		// one materiality over both printed pages: merged per page, its name again at the top of page 2
		int pageTwo = COMMITMENTS.get(3).firstRow();
		assertThat(merged).contains("A3:A" + pageTwo, "A" + (pageTwo + 1) + ":A27");
		assertThat(text(sheet, pageTwo, 0)).isEqualTo("責任ある企業活動の実施");
		for (Commitment c : COMMITMENTS) {
			assertThat(text(sheet, c.firstRow(), 1)).isEqualTo(c.text());
			assertThat(text(sheet, c.firstRow(), 2)).as("KPI of %s", c.text()).isEqualTo(c.kpis());
			assertThat(text(sheet, c.firstRow(), 5)).as("実績 of %s", c.text()).isEqualTo(c.results());
			assertThat(text(sheet, c.firstRow(), 6)).as("highlight of %s", c.text()).startsWith(c.highlightOpening());
			int last = c.firstRow() + c.rows();
			for (String column : List.of("B", "C", "F", "G")) {
				assertThat(merged).contains(column + (c.firstRow() + 1) + ":" + column + last);
			}
		}
		// commitment 3 is served by two departments: one paragraph each, in the order of 部署
		assertThat(text(sheet, 9, 6)).contains("周知を行った。\n\nリスク事象の収束と改善については");

		assertThat(text(sheet, 28, 0)).isEqualTo("◎ アクションが完了している");
		assertThat(text(sheet, 29, 0)).isEqualTo("○ 最終的な評価のみを記載しているがまだアクションが完了していない");
		assertThat(text(sheet, 30, 0)).isEqualTo("△ アクションが完了していない");
	}

	/** PRODUCT.md §5 on the sample: KPI ID → 結果, 達成率, コミットメントの結果. */
	static void assertVerdicts(Sheet sheet) {
		List<String> headers = new ArrayList<>();
		sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
		Map<String, String> verdicts = new LinkedHashMap<>();
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			var rate = row.getCell(headers.indexOf("達成率"));
			verdicts.put(row.getCell(0).getStringCellValue(), row.getCell(headers.indexOf("結果")).getStringCellValue() + " "
					+ (rate == null || rate.getCellType() == CellType.BLANK ? "-" : Math.round(rate.getNumericCellValue() * 1000) / 10.0)
					+ " " + row.getCell(headers.indexOf("コミットメントの結果")).getStringCellValue());
		}
		assertThat(verdicts).containsExactly(
				Map.entry("K01", "未達 0.0 未達"), Map.entry("K02", "達成 100.0 未達"),
				Map.entry("K03", "未達 0.0 未達"), Map.entry("K04", "達成 100.0 未達"),
				Map.entry("K05", "未達 98.9 未達"), Map.entry("K06", "判定不能 - 未達"),
				Map.entry("K07", "達成 100.0 未達"), Map.entry("K08", "継続中 - 未達"),
				Map.entry("K09", "判定不能 - 継続中"), Map.entry("K10", "継続中 - 継続中"),
				Map.entry("K11", "継続中 - 継続中"), Map.entry("K12", "継続中 - 継続中"),
				Map.entry("K13", "継続中 - 継続中"));
	}

	static String text(Sheet sheet, int row, int column) {
		Row r = sheet.getRow(row);
		if (r == null || r.getCell(column) == null) {
			return "";
		}
		assertThat(r.getCell(column).getCellType()).isIn(CellType.STRING, CellType.BLANK);
		return r.getCell(column).getStringCellValue();
	}

	/** Every cell of every sheet as text, except the receipt times which are not content. */
	static List<List<String>> content(XSSFWorkbook workbook) {
		List<List<String>> all = new ArrayList<>();
		workbook.forEach(sheet -> sheet.forEach(row -> {
			List<String> cells = new ArrayList<>();
			cells.add(sheet.getSheetName());
			row.forEach(cell -> cells.add(cell.toString()));
			all.add(cells);
		}));
		return all;
	}

}
