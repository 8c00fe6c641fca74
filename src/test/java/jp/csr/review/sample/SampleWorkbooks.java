package jp.csr.review.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.csr.review.plan.Criterion;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.template.TemplateWriter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The bundled sample: the 53期 plan and the seven departmental submissions that reproduce the
 * published review in {@code /work/shared/reference/group-review-53.txt}.
 *
 * <p>Where the reference's PDF text lost structure, the decisions are: one materiality for every row;
 * the rows starting with 製品の安全性・信頼性の確保, 広告倫理や審査体制を含めた適切なマーケティングの実施 and
 * リスク管理体制の拡充 are commitments shifted one column left, the four lines after the コンプライアンス
 * commitment's third initiative are further initiatives of it; blank mark cells are ◎ (the glyph was
 * lost). Highlights are the reference's text with line breaks where the PDF flattened them into spaces.
 *
 * <p>Regenerate the committed files with {@code main}: {@code config/plan.xlsx} and {@code input/*.xlsx}.
 */
public final class SampleWorkbooks {

	public static final String GROUP = "マイナビグループ";

	public static final int TERM = 53;

	public static final String MATERIALITY = "責任ある企業活動の実施";

	static final String C1 = "情報セキュリティ体制の構築";

	static final String C2 = "適切な個人情報の管理";

	static final String C3 = "コンプライアンス・リスクマネジメント経営の推進";

	static final String C4 = "製品の安全性・信頼性の確保";

	static final String C5 = "広告倫理や審査体制を含めた適切なマーケティングの実施";

	static final String C6 = "リスク管理体制の拡充";

	static final List<Department> DEPARTMENTS = List.of(new Department("ISEC", "情報セキュリティ部", "isec@example.co.jp"),
			new Department("PRIV", "個人情報保護部", "priv@example.co.jp"),
			new Department("COMP", "コンプライアンス推進部", "comp@example.co.jp"),
			new Department("RISK", "リスク管理部", "risk@example.co.jp"),
			new Department("DEV", "システム開発部", "dev@example.co.jp"),
			new Department("AD", "広告審査部", "ad@example.co.jp"),
			new Department("BCP", "BCP推進部", "bcp@example.co.jp"));

	static final List<Kpi> KPIS = List.of(
			kpi("K01", "ISEC", C1, "重大インシデント件数0件", "重大インシデント件数", Criterion.AT_MOST, "0", "件"),
			kpi("K02", "ISEC", C1, "ISMS維持(取得部門についてのみ)", "ISMS", Criterion.MAINTAIN, null, ""),
			kpi("K03", "PRIV", C2, "重大な個人情報漏洩件数 0件", "重大な個人情報漏洩件数", Criterion.AT_MOST, "0", "件"),
			kpi("K04", "PRIV", C2, "プライバシーマーク維持", "プライバシーマーク", Criterion.MAINTAIN, null, ""),
			kpi("K05", "COMP", C3, "コンプライアンス研修の目標受講率100%", "コンプライアンス研修受講率", Criterion.AT_LEAST, "100", "%"),
			kpi("K06", "COMP", C3, "相談・通報ホットラインの認知率向上", "相談・通報ホットラインの認知率", Criterion.INCREASE, null, "%"),
			kpi("K07", "COMP", C3, "重大な法令違反・重大アクシデント発生件数 0件", "重大な法令違反・重大アクシデント発生件数", Criterion.AT_MOST,
					"0", "件"),
			kpi("K08", "RISK", C3, "リスク管理体制の改善", "リスク管理体制の改善", Criterion.QUALITATIVE, null, ""),
			kpi("K09", "DEV", C4, "システム起因インシデント件数減少", "システム起因インシデント", Criterion.DECREASE, null, "件"),
			kpi("K10", "AD", C5, "適切な広告コンテンツの維持", "適切な広告コンテンツ", Criterion.QUALITATIVE, null, ""),
			kpi("K11", "AD", C5, "適切な募集情報の維持", "適切な募集情報", Criterion.QUALITATIVE, null, ""),
			kpi("K12", "BCP", C6, "BCP規程の社内啓蒙", "BCP規程の社内啓蒙", Criterion.QUALITATIVE, null, ""),
			kpi("K13", "BCP", C6, "自然災害・疫病・テロ等の対策拡充", "自然災害・疫病・テロ等の対策", Criterion.QUALITATIVE, null, ""));

	/** Initiatives with the reference's mark (◎ where the PDF lost the glyph). */
	static final List<Marked> INITIATIVES = List.of(
			marked("I01", "ISEC", C1, "社内向けのセキュリティサービス提供", "◎"),
			marked("I02", "ISEC", C1, "海外を含む子会社との情報セキュリティに関する連絡網の策定", "○"),
			marked("I03", "ISEC", C1, "他社CSIRTとの連携", "◎"),
			marked("I04", "PRIV", C2, "個人情報e-learning学習終了率(定量:100%)", "◎"),
			marked("I05", "PRIV", C2, "役員向け情報セキュリティ研修の実施", "◎"),
			marked("I06", "PRIV", C2, "委託先監査の実施", "◎"),
			marked("I07", "PRIV", C2, "プライバシーセンター設置に向けた取り組み着手", "○"),
			marked("I08", "COMP", C3, "コンプライアンス研修受講率100%に向けた継続的な取組の継続", "◎"),
			marked("I09", "COMP", C3, "職場環境に関する定期的な調査の実施", "◎"),
			marked("I10", "COMP", C3, "相談・通報ホットラインの認知率向上に向けた取組の継続", "◎"),
			marked("I11", "RISK", C3, "リスク事象の積極的な収束と対策・改善の実施", "◎"),
			marked("I12", "RISK", C3, "クレーム・トラブル集約(インシデントレポート)方法の改善", "◎"),
			marked("I13", "RISK", C3, "リスクマネジメント研修等、啓蒙う施策の推進", "◎"),
			marked("I14", "COMP", C3, "腐敗防止方針策定の着手", "◎"),
			marked("I15", "DEV", C4, "脆弱性診断および脆弱性管理における全社設計への着手および未申請事業部へのアプローチ", "○"),
			marked("I16", "DEV", C4, "セキュリティレビューの実施", "◎"),
			marked("I17", "AD", C5, "広告・宣伝ガイドラインに沿った適切な運用", "○"),
			marked("I18", "AD", C5, "生成AI等の新技術の適切な利活用", "◎"),
			marked("I19", "AD", C5, "求人広告審査基準・審査体制の適切な運用およびの確保", "◎"),
			marked("I20", "AD", C5, "求職者からの苦情相談窓口の設置・運用", "◎"),
			marked("I21", "BCP", C6, "BCP訓練の実施(コーポレート部門、危機対応本部)、訓練結果の分析と文書整備", "◎"),
			marked("I22", "BCP", C6, "事業部のBIA・リスク分析実施(Business Impact Analysis = ビジネスインパクト分析)", "◎"),
			marked("I23", "BCP", C6, "BCP規程、危機時対応マニュアルの見直し", "◎"),
			marked("I24", "BCP", C6, "リスク管理体制の構築に向けたBCPプロジェクトの推進・浸透", "◎"),
			marked("I25", "BCP", C6, "新 IT-BCPガイドラインの刷新", "○"));

	/** 提出者 and 提出日 per department, in October 2025. */
	static final Map<String, Cover> COVERS = Map.of(
			"ISEC", new Cover("佐藤 健一", LocalDate.of(2025, 10, 20)),
			"PRIV", new Cover("鈴木 美咲", LocalDate.of(2025, 10, 21)),
			"COMP", new Cover("高橋 直樹", LocalDate.of(2025, 10, 24)),
			"RISK", new Cover("田中 由美", LocalDate.of(2025, 10, 24)),
			"DEV", new Cover("伊藤 翔太", LocalDate.of(2025, 10, 27)),
			"AD", new Cover("渡辺 さくら", LocalDate.of(2025, 10, 28)),
			"BCP", new Cover("山本 大輔", LocalDate.of(2025, 10, 30)));

	/** Departments that leave the optional 自己評価 blank. */
	static final List<String> NO_SELF_EVALUATION = List.of("RISK", "BCP");

	/** 主な取り組みとハイライト per department: the reference's text, line breaks restored. */
	static final Map<String, String> HIGHLIGHTS = Map.of(
			"ISEC", lines(
					"53期の主な取り組みは下記の通り",
					"社内向けセキュリティサービスの提供については、開発者以外も検知できるシステム(ASM)を追加導入した。さらに、関係者が脆弱性診断サービスを利用できるよう、内部向けにも提供を行った。",
					"海外を含む子会社対応については、まだ進捗である。海外子会社を含む連絡網は構築済みであり、今後は運用体制の構築と推進を行っていく。",
					"他社CSIRTとの連携については、日本CSIRT協議会には参加しているものの、ワーキンググループなどには未参加である。54期はワーキンググループ参加を行う予定である。"),
			"PRIV", lines(
					"53期の主な取り組みは下記の通り",
					"個人情報e-Learning学習については、未受講者へ追加対応を積極的に行った結果、受講率100%を達成した。",
					"他社のランサムウェア攻撃を受け、役員向け情報セキュリティ研修を実施し、個人情報保護およびランサムウェアに関するリスクについて解説を行った。",
					"委託先監査の実施に関しては、継続して実施している。リスクが高そうな会社を担当する社員に直接ヒアリングを行った。",
					"プライバシーセンター設置に向けて検討を実施したが、今期設置を見送る判断を行った。"),
			"COMP", lines(
					"53期において、重大な法令違反やアクシデントは発生しなかった。",
					"53期の主な取り組みは下記の通り",
					"マイナビグループの全役員・従業員を対象に、e-learningシステムを活用した研修を実施するとともに、役員や管理職など階層別に応じた研修を継続的に実施した。",
					"職場環境に関する調査を継続的に実施し、その結果を踏まえたフィードバック研修を管理職向けに実施した。",
					"相談・通報ホットラインについて適宜、指示・案内、周知を行った。"),
			"RISK", lines(
					"リスク事象の収束と改善については、関連部署との情報連携を速め、収束に留まらず対策と改善に踏み込む取り組みを行った。引き続き、収束・対策・改善を推進していく。",
					"クレームトラブルの集約については、自社の高集約ツールに統合することで、取りまとめが容易になり、改善につながった。",
					"啓発活動の観点では、53期より支社でのリスクマネジメント対面研修を実施し、すでに13拠点で研修を完了した。また、カスタマーハラスメントに関する方針やガイドラインの制定を行い、当社のリスクとなり得る事象について事前に啓発活動を実施した。"),
			"DEV", lines(
					"システム起因インシデントに関して、上記記載の重大インシデントと重大な個人情報漏洩は、いずれもシステムに起因して発生している。",
					"53期の主な取り組みは下記の通り",
					"脆弱性診断および脆弱性管理における未申請事業部へのアプローチは未着手であった。ただし、CSIRTインフラサイトの整備・更新を行い、Web脆弱性診断は45件実施した。",
					"セキュリティレビューについては、53期に37件実施した。"),
			"AD", lines(
					"全ての項目において、適切な対応を継続できている。",
					"53期の主な取り組みは下記の通り",
					"広告・宣伝ガイドラインに反する事例は確認されなかった。今後、同ガイドラインや募集ガイドラインなどの上位概念となる情報発信方針を策定し、認識向上の取り組みを進めていく。",
					"求人広告審査基準については、随時見直しを行い、適切な運用の確保は維持した。",
					"苦情相談窓口の設置は完了し、求職者からの苦情相談についても適切に対応・運用されている。",
					"生成AIなどの新技術の適切な利活用については、開発者向けガイドラインを2025年9月に制定した。"),
			"BCP", lines(
					"2024年6月から、総務企画本部に紐づく形でBCP専任部署を設置し、全社BCP対応を行っている。",
					"53期の主な取り組みは下記の通り",
					"BCP訓練については、コーポレート部門で1回、危機対応本部(役員を中心とした危機対応本部メンバー)で1回、計2回実施した。",
					"安否確認訓練については4回の実施(平均回答率87.1%)と、発報基準の拡大(津波・特別警報を追加)による安全性向上に取り組んだ。",
					"BCP対策の一環であるBIA/リスク分析を7部門で実施し、当初ターゲットとしていた16部門を完了させることができた。その他マニュアル整備により顕在化した課題を分析し、必要な対応の見直し・変更を継続している。"));

	private SampleWorkbooks() {
	}

	/** Writes {@code config/plan.xlsx} and {@code input/*.xlsx} under the given root (default: the working directory). */
	public static void main(String[] args) throws IOException {
		Path root = Path.of(args.length > 0 ? args[0] : "");
		Path plan = root.resolve("config/plan.xlsx");
		writePlan(plan);
		System.out.println(plan.toAbsolutePath().normalize());
		Path input = root.resolve("input");
		writeSubmissions(input);
		for (Department d : DEPARTMENTS) {
			System.out.println(input.resolve(TemplateWriter.fileName(plan(), d)).toAbsolutePath().normalize());
		}
	}

	/** The sample plan as {@link jp.csr.review.plan.PlanReader} reads it back from {@link #writePlan}. */
	public static Plan plan() {
		// no 提出期限: git keeps no modification times, so in a fresh clone every sample file would be late
		return new Plan(GROUP, TERM, YearMonth.of(2024, 10), YearMonth.of(2025, 9), null, DEPARTMENTS, KPIS,
				INITIATIVES.stream().map(Marked::initiative).toList());
	}

	/** The plan workbook (行動計画ブック, PRODUCT.md §1). */
	public static void writePlan(Path file) {
		writePlan(plan(), file);
	}

	/**
	 * Any plan as its workbook, laid out as the sample's (the scale benchmark writes a large one, with a
	 * 提出期限).
	 */
	public static void writePlan(Plan plan, Path file) {
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			XSSFCellStyle bold = wb.createCellStyle();
			XSSFFont font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			XSSFCellStyle wrap = wb.createCellStyle();
			wrap.setWrapText(true);
			wrap.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);

			XSSFSheet overview = wb.createSheet("概要");
			overview.setColumnWidth(0, 14 * 256);
			overview.setColumnWidth(1, 24 * 256);
			labelValue(overview, 0, "グループ名", bold).setCellValue(plan.group());
			labelValue(overview, 1, "期", bold).setCellValue(plan.term());
			// 開始年月 as text, 終了年月 as a date cell: both forms the plan accepts
			labelValue(overview, 2, "開始年月", bold).setCellValue(plan.start().toString());
			XSSFCell end = labelValue(overview, 3, "終了年月", bold);
			end.setCellValue(plan.end().atDay(1));
			end.setCellStyle(dateStyle(wb, "yyyy/mm"));
			// 提出期限 is optional: the sample's plan() has none
			if (plan.deadline() != null) {
				XSSFCell deadline = labelValue(overview, 4, "提出期限", bold);
				deadline.setCellValue(plan.deadline());
				deadline.setCellStyle(dateStyle(wb, "yyyy/mm/dd"));
			}

			XSSFSheet departments = wb.createSheet("部署");
			header(departments, bold, new int[] { 12, 28, 28 }, "部署コード", "部署名", "連絡先");
			for (Department d : plan.departments()) {
				row(departments, wrap, d.code(), d.name(), d.contact());
			}

			XSSFSheet kpis = wb.createSheet("KPI");
			header(kpis, bold, new int[] { 8, 10, 24, 30, 36, 30, 8, 8, 8, 10 }, "KPI ID", "部署コード", "マテリアリティ",
					"コミットメント", "KPI", "指標名", "判定", "目標値", "単位", "前期実績");
			for (Kpi k : plan.kpis()) {
				XSSFRow row = row(kpis, wrap, k.id(), k.departmentCode(), k.materiality(), k.commitment(), k.text(),
						k.indicator(), k.judgement().label());
				if (k.target() != null) {
					row.createCell(7).setCellValue(k.target().doubleValue());
				}
				if (!k.unit().isEmpty()) {
					row.createCell(8).setCellValue(k.unit());
				}
				if (k.previousResult() != null) {
					row.createCell(9).setCellValue(k.previousResult().doubleValue());
				}
			}

			XSSFSheet initiatives = wb.createSheet("取り組み");
			header(initiatives, bold, new int[] { 10, 10, 24, 30, 60 }, "取り組みID", "部署コード", "マテリアリティ",
					"コミットメント", "具体的な取り組み");
			for (Initiative i : plan.initiatives()) {
				row(initiatives, wrap, i.id(), i.departmentCode(), i.materiality(), i.commitment(), i.text());
			}
			save(wb, file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A department's sample submission, filled in and open, for a test to change before saving it:
	 * the template the {@code template} command writes, with the sample's answers typed in.
	 */
	public static XSSFWorkbook filled(String departmentCode) {
		return filled(plan(), departmentCode);
	}

	/**
	 * The same answers in the template of another plan with the sample's IDs (the next term's, say), for a test
	 * to change before saving it.
	 */
	public static XSSFWorkbook filled(Plan plan, String departmentCode) {
		Department d = plan.department(departmentCode).orElseThrow();
		try {
			Path file = Files.createTempFile("template-", ".xlsx");
			try {
				new TemplateWriter("").write(plan, d, file);
				XSSFWorkbook wb;
				try (InputStream in = Files.newInputStream(file)) {
					wb = new XSSFWorkbook(in);
				}
				fill(wb, d);
				return wb;
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The filled workbook as Excel 97–2003 would save it: the same sheets, values and number formats. */
	public static HSSFWorkbook toXls(Workbook source) {
		HSSFWorkbook xls = new HSSFWorkbook();
		Map<String, CellStyle> formats = new HashMap<>();
		for (Sheet from : source) {
			Sheet to = xls.createSheet(from.getSheetName());
			for (Row row : from) {
				Row target = to.createRow(row.getRowNum());
				for (Cell cell : row) {
					Cell copy = target.createCell(cell.getColumnIndex());
					switch (cell.getCellType()) {
						case STRING -> copy.setCellValue(cell.getStringCellValue());
						case NUMERIC -> {
							copy.setCellValue(cell.getNumericCellValue());
							String format = cell.getCellStyle().getDataFormatString();
							if (DateUtil.isCellDateFormatted(cell) || format.contains("%")) {
								copy.setCellStyle(formats.computeIfAbsent(format, f -> {
									CellStyle style = xls.createCellStyle();
									style.setDataFormat(xls.createDataFormat().getFormat(f));
									return style;
								}));
							}
						}
						case BOOLEAN -> copy.setCellValue(cell.getBooleanCellValue());
						default -> {
						}
					}
				}
			}
		}
		return xls;
	}


	/** Saves a workbook as a department would (through a temporary file). */
	public static void saveAs(XSSFWorkbook wb, Path file) {
		try {
			save(wb, file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One submission per department: the template, then its input cells filled as the department would
	 * type them, named by {@link TemplateWriter#fileName}.
	 */
	public static void writeSubmissions(Path dir) {
		Plan plan = plan();
		TemplateWriter templates = new TemplateWriter("");
		try {
			Files.createDirectories(dir);
			for (Department d : plan.departments()) {
				Path file = dir.resolve(TemplateWriter.fileName(plan, d));
				templates.write(plan, d, file);
				XSSFWorkbook wb;
				try (InputStream in = Files.newInputStream(file)) {
					wb = new XSSFWorkbook(in);
				}
				try (wb) {
					fill(wb, d);
					save(wb, file);
				}
				// received on the 提出日, in the afternoon (Tokyo), as if dropped into the shared folder then
				LocalDateTime received = COVERS.get(d.code()).date().atTime(17, 0);
				Files.setLastModifiedTime(file, FileTime.from(received.atZone(ZoneId.of("Asia/Tokyo")).toInstant()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void fill(XSSFWorkbook wb, Department d) {
		Cover cover = COVERS.get(d.code());
		XSSFSheet coverSheet = wb.getSheet("表紙");
		coverSheet.getRow(4).getCell(1).setCellValue(cover.submitter());
		coverSheet.getRow(5).getCell(1).setCellValue(cover.date());

		XSSFSheet kpis = wb.getSheet("KPI");
		for (Row row : kpis) {
			if (row.getRowNum() == 0) {
				continue;
			}
			XSSFCell result = (XSSFCell) row.getCell(5);
			XSSFCell wording = (XSSFCell) row.getCell(6);
			switch (row.getCell(0).getStringCellValue()) {
				case "K01" -> {
					result.setCellValue(1);
					wording.setCellValue("重大インシデント件数1件");
				}
				case "K02" -> {
					result.setCellValue("維持");
					wording.setCellValue("ISMS維持");
				}
				case "K03" -> result.setCellValue("1件");
				case "K04" -> {
					result.setCellValue("維持");
					wording.setCellValue("プライバシーマーク維持");
				}
				case "K05" -> {
					// typed as 98.9%: Excel keeps 0.989 in a percent-formatted cell
					result.setCellValue(0.989);
					result.setCellStyle(withFormat(wb, result.getCellStyle(), "0.0%"));
				}
				case "K06" -> result.setCellValue("９８．４％");
				case "K07" -> result.setCellValue(0);
				case "K08", "K11", "K13" -> result.setCellValue("継続中");
				case "K09" -> {
					result.setCellValue(2);
					wording.setCellValue("システム起因インシデント2件");
				}
				case "K10" -> {
					result.setCellValue("継続中");
					wording.setCellValue("取り組みを継続中");
				}
				case "K12" -> {
					result.setCellValue("継続中");
					wording.setCellValue("BCP対策の整備");
				}
				default -> throw new IllegalStateException("no sample result for " + row.getCell(0));
			}
		}

		XSSFSheet initiatives = wb.getSheet("取り組み");
		for (Row row : initiatives) {
			if (row.getRowNum() == 0) {
				continue;
			}
			String id = row.getCell(0).getStringCellValue();
			Marked m = INITIATIVES.stream().filter(x -> x.initiative().id().equals(id)).findFirst().orElseThrow();
			XSSFCell progress = (XSSFCell) row.getCell(2);
			switch (id) {
				case "I02", "I17" -> progress.setCellValue("継続中");
				case "I07" -> progress.setCellValue("一部完了");
				case "I15" -> progress.setCellValue("80%");
				case "I25" -> {
					progress.setCellValue(0.6);
					progress.setCellStyle(withFormat(wb, progress.getCellStyle(), "0%"));
				}
				default -> {
					if (!m.mark().equals("◎")) {
						throw new IllegalStateException("no sample progress for " + id);
					}
					progress.setCellValue("完了");
				}
			}
			if (!NO_SELF_EVALUATION.contains(d.code())) {
				row.getCell(3).setCellValue(m.mark());
			}
		}

		XSSFSheet highlights = wb.getSheet("ハイライト");
		for (Row row : highlights) {
			if (row.getRowNum() > 0) {
				row.getCell(1).setCellValue(HIGHLIGHTS.get(d.code()));
			}
		}
	}

	/** The input cell's own style (unlocked, tinted) with a number format, as Excel does when one types 98.9%. */
	private static CellStyle withFormat(XSSFWorkbook wb, XSSFCellStyle base, String format) {
		XSSFCellStyle style = wb.createCellStyle();
		style.cloneStyleFrom(base);
		style.setDataFormat(wb.createDataFormat().getFormat(format));
		return style;
	}

	private static XSSFCellStyle dateStyle(XSSFWorkbook wb, String format) {
		XSSFCellStyle style = wb.createCellStyle();
		style.setDataFormat(wb.createDataFormat().getFormat(format));
		style.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT);
		return style;
	}

	private static XSSFCell labelValue(XSSFSheet sheet, int r, String label, XSSFCellStyle bold) {
		XSSFRow row = sheet.createRow(r);
		XSSFCell a = row.createCell(0);
		a.setCellValue(label);
		a.setCellStyle(bold);
		return row.createCell(1);
	}

	private static void header(XSSFSheet sheet, XSSFCellStyle bold, int[] widths, String... labels) {
		XSSFRow row = sheet.createRow(0);
		for (int c = 0; c < labels.length; c++) {
			XSSFCell cell = row.createCell(c);
			cell.setCellValue(labels[c]);
			cell.setCellStyle(bold);
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		sheet.createFreezePane(0, 1);
	}

	private static XSSFRow row(Sheet sheet, XSSFCellStyle wrap, String... values) {
		XSSFRow row = (XSSFRow) sheet.createRow(sheet.getLastRowNum() + 1);
		for (int c = 0; c < values.length; c++) {
			XSSFCell cell = row.createCell(c);
			cell.setCellValue(values[c]);
			cell.setCellStyle(wrap);
		}
		return row;
	}

	private static void save(XSSFWorkbook wb, Path file) throws IOException {
		Path target = file.toAbsolutePath();
		Files.createDirectories(target.getParent());
		Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
		try (OutputStream out = Files.newOutputStream(temp)) {
			wb.write(out);
		}
		Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	private static Kpi kpi(String id, String department, String commitment, String text, String indicator,
			Criterion judgement, String target, String unit) {
		return new Kpi(id, department, MATERIALITY, commitment, text, indicator, judgement,
				target == null ? null : new BigDecimal(target), unit, null);
	}

	private static Marked marked(String id, String department, String commitment, String text, String mark) {
		return new Marked(new Initiative(id, department, MATERIALITY, commitment, text), mark);
	}

	private static String lines(String... lines) {
		return String.join("\n", lines);
	}

	/** An initiative and the mark the reference prints for it. */
	record Marked(Initiative initiative, String mark) {
	}

	record Cover(String submitter, LocalDate date) {
	}

}
