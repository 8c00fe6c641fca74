package jp.csr.review.plan;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.csr.review.workbook.CellRead;
import jp.csr.review.workbook.Grid;
import jp.csr.review.workbook.LabelValueSheet;
import jp.csr.review.workbook.Numbers;
import jp.csr.review.workbook.SheetTable;
import jp.csr.review.workbook.SheetTable.TableRow;
import jp.csr.review.workbook.Sheets;
import jp.csr.review.workbook.Text;
import jp.csr.review.workbook.WorkbookOpener;

/** Reads the plan workbook of PRODUCT.md §1, collecting every problem before it gives up. */
public final class PlanReader {

	public static final List<String> DEPARTMENT_COLUMNS = List.of("部署コード", "部署名", "連絡先");

	public static final List<String> KPI_COLUMNS = List.of("KPI ID", "部署コード", "マテリアリティ", "コミットメント", "KPI", "指標名",
			"判定", "目標値", "単位", "前期実績");

	public static final List<String> INITIATIVE_COLUMNS = List.of("取り組みID", "部署コード", "マテリアリティ", "コミットメント", "具体的な取り組み",
			"前期評価");

	private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})\\s*[-/年.]\\s*(\\d{1,2})\\s*月?");

	private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/年.]\\s*(\\d{1,2})\\s*[-/月.]\\s*(\\d{1,2})\\s*日?");

	private final List<String> problems = new ArrayList<>();

	private PlanReader() {
	}

	public static Plan read(Path file) {
		return read(file, file);
	}

	/**
	 * The plan in {@code bytes}, a copy of {@code file} taken to be parsed: every problem names {@code file}.
	 */
	static Plan read(Path bytes, Path file) {
		if (!java.nio.file.Files.isRegularFile(bytes)) {
			throw new PlanException(file.toString(), List.of("ファイルがありません (設定 review.plan: " + file.toAbsolutePath() + ")"));
		}
		try {
			// one sheet at a time: as a whole, a large group's plan does not fit a small heap
			try (Sheets workbook = WorkbookOpener.streaming().sheets(bytes)) {
				return new PlanReader().read(workbook, file.toString());
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof PlanException plan) {
				throw plan;
			}
			String message = ex.getMessage() == null ? null : ex.getMessage().replace(bytes.toString(), file.toString());
			throw new PlanException(file.toString(), List.of("ブックを開けません (" + message + ")"));
		}
	}

	private Plan read(Sheets workbook, String file) throws IOException {
		Optional<Grid> overview = sheet(workbook, "概要");
		String group = "";
		int term = 0;
		YearMonth start = null;
		YearMonth end = null;
		LocalDate deadline = null;
		if (overview.isPresent()) {
			LabelValueSheet values = LabelValueSheet.of(overview.get());
			group = required(values, "グループ名").map(CellRead::normalized).orElse("");
			term = required(values, "期").flatMap(c -> whole(c)).orElse(0);
			start = required(values, "開始年月").flatMap(this::yearMonth).orElse(null);
			end = required(values, "終了年月").flatMap(this::yearMonth).orElse(null);
			deadline = values.get("提出期限").filter(c -> !c.isBlank()).flatMap(this::date).orElse(null);
		}
		List<Department> departments = sheet(workbook, "部署").map(this::departments).orElse(List.of());
		Set<String> codes = new HashSet<>();
		departments.forEach(d -> {
			if (!codes.add(d.code())) {
				problems.add("部署: 部署コード " + d.code() + " が重複しています");
			}
		});
		Map<String, String> materialityOf = new HashMap<>();
		List<Kpi> kpis = sheet(workbook, "KPI").map(s -> kpis(s, codes, materialityOf)).orElse(List.of());
		List<Initiative> initiatives = sheet(workbook, "取り組み").map(s -> initiatives(s, codes, materialityOf))
			.orElse(List.of());
		if (!problems.isEmpty()) {
			throw new PlanException(file, problems);
		}
		return new Plan(group, term, start, end, deadline, departments, kpis, initiatives);
	}

	private Optional<Grid> sheet(Sheets workbook, String name) throws IOException {
		Optional<Grid> sheet = workbook.named(name);
		if (sheet.isEmpty()) {
			problems.add("シート「" + name + "」がありません");
		}
		return sheet;
	}

	private Optional<CellRead> required(LabelValueSheet values, String label) {
		Optional<CellRead> cell = values.get(label).filter(c -> !c.isBlank());
		if (cell.isEmpty()) {
			problems.add("概要: 「" + label + "」がありません (A列にラベル、B列に値)");
		}
		return cell;
	}

	private Optional<Integer> whole(CellRead cell) {
		Optional<BigDecimal> n = Numbers.read(cell, "期").filter(Numbers::isWholeNonNegative);
		if (n.isEmpty()) {
			problems.add(cell.reference() + ": 「" + cell.text() + "」は期の整数ではありません");
		}
		return n.map(BigDecimal::intValue);
	}

	private Optional<YearMonth> yearMonth(CellRead cell) {
		if (cell.date() != null) {
			return Optional.of(YearMonth.from(cell.date()));
		}
		Matcher m = YEAR_MONTH.matcher(cell.normalized());
		if (m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
			return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
		}
		problems.add(cell.reference() + ": 「" + cell.text() + "」は年月ではありません (例: 2024-10, 2024/10, 2024年10月)");
		return Optional.empty();
	}

	private Optional<LocalDate> date(CellRead cell) {
		Optional<LocalDate> date = parseDate(cell);
		if (date.isEmpty()) {
			problems.add(cell.reference() + ": 「" + cell.text() + "」は日付ではありません (例: 2025-10-31)");
		}
		return date;
	}

	/** A date cell, or text such as 2025-10-31, 2025/10/31, 2025年10月31日. */
	public static Optional<LocalDate> parseDate(CellRead cell) {
		if (cell.date() != null) {
			return Optional.of(cell.date().toLocalDate());
		}
		Matcher m = DATE.matcher(cell.normalized());
		if (!m.matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3))));
		}
		catch (java.time.DateTimeException ex) {
			return Optional.empty();
		}
	}

	private SheetTable table(Grid sheet, List<String> columns, Set<String> optional) {
		SheetTable table = SheetTable.of(sheet);
		columns.stream()
			.filter(c -> !optional.contains(c) && !table.has(c))
			.forEach(c -> problems.add(sheet.name() + ": 列「" + c + "」がありません (1行目に見出し)"));
		return table;
	}

	private List<Department> departments(Grid sheet) {
		SheetTable table = table(sheet, DEPARTMENT_COLUMNS, Set.of("連絡先"));
		List<Department> departments = new ArrayList<>();
		for (TableRow row : table.rows(DEPARTMENT_COLUMNS)) {
			String code = row.text("部署コード");
			if (code.isEmpty()) {
				problems.add(row.get("部署コード").reference() + ": 部署コードが空です");
				continue;
			}
			departments.add(new Department(code, row.text("部署名"), row.text("連絡先")));
		}
		return departments;
	}

	private List<Kpi> kpis(Grid sheet, Set<String> codes, Map<String, String> materialityOf) {
		SheetTable table = table(sheet, KPI_COLUMNS, Set.of("前期実績"));
		Set<String> ids = new HashSet<>();
		List<Kpi> kpis = new ArrayList<>();
		for (TableRow row : table.rows(KPI_COLUMNS)) {
			String id = identified(row, "KPI ID", ids, codes, materialityOf);
			if (id == null) {
				continue;
			}
			String unit = row.text("単位");
			Optional<Criterion> judgement = Criterion.ofLabel(row.text("判定"));
			if (judgement.isEmpty()) {
				problems.add(row.get("判定").reference() + ": 判定「" + row.get("判定").text()
						+ "」は 以上, 以下, 維持, 増加, 減少, 定性 のいずれでもありません");
				continue;
			}
			BigDecimal target = number(row.get("目標値"), unit);
			if (judgement.get().needsTarget() && target == null) {
				problems.add(row.get("目標値").reference() + ": 判定が" + judgement.get().label() + "のKPIには目標値が必要です");
			}
			kpis.add(new Kpi(id, row.text("部署コード"), row.text("マテリアリティ"), row.text("コミットメント"), row.text("KPI"),
					row.text("指標名"), judgement.get(), target, unit, number(row.get("前期実績"), unit)));
		}
		return kpis;
	}

	private List<Initiative> initiatives(Grid sheet, Set<String> codes, Map<String, String> materialityOf) {
		SheetTable table = table(sheet, INITIATIVE_COLUMNS, Set.of("前期評価"));
		Set<String> ids = new HashSet<>();
		List<Initiative> initiatives = new ArrayList<>();
		for (TableRow row : table.rows(INITIATIVE_COLUMNS)) {
			String id = identified(row, "取り組みID", ids, codes, materialityOf);
			if (id != null) {
				initiatives.add(new Initiative(id, row.text("部署コード"), row.text("マテリアリティ"), row.text("コミットメント"),
						Text.normalize(row.get("具体的な取り組み").text()), row.text("前期評価")));
			}
		}
		return initiatives;
	}

	/** The row's ID when it is unique and its department, materiality and commitment hold together. */
	private String identified(TableRow row, String idColumn, Set<String> ids, Set<String> codes,
			Map<String, String> materialityOf) {
		String id = row.text(idColumn);
		boolean ok = true;
		if (id.isEmpty()) {
			problems.add(row.get(idColumn).reference() + ": " + idColumn + "が空です");
			ok = false;
		}
		else if (!ids.add(id)) {
			problems.add(row.get(idColumn).reference() + ": " + idColumn + " " + id + " が重複しています");
			ok = false;
		}
		String code = row.text("部署コード");
		if (!codes.contains(code)) {
			problems.add(row.get("部署コード").reference() + ": 部署コード「" + code + "」は部署シートにありません");
			ok = false;
		}
		String materiality = row.text("マテリアリティ");
		String commitment = row.text("コミットメント");
		if (materiality.isEmpty() || commitment.isEmpty()) {
			problems.add(row.get("コミットメント").reference() + ": マテリアリティとコミットメントは必須です");
			return null;
		}
		String known = materialityOf.putIfAbsent(commitment, materiality);
		if (known != null && !known.equals(materiality)) {
			problems.add(row.get("マテリアリティ").reference() + ": コミットメント「" + commitment + "」は既にマテリアリティ「" + known
					+ "」に属しています");
			ok = false;
		}
		return ok ? id : null;
	}

	private BigDecimal number(CellRead cell, String unit) {
		if (cell.isBlank()) {
			return null;
		}
		Optional<BigDecimal> n = Numbers.read(cell, unit);
		if (n.isEmpty()) {
			problems.add(cell.reference() + ": 「" + cell.text() + "」は数値ではありません");
		}
		return n.orElse(null);
	}

}
