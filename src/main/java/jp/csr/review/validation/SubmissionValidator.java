package jp.csr.review.validation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.csr.review.form.MarkRule;
import jp.csr.review.form.ResultWords;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Initiative;
import jp.csr.review.plan.Judgement;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.plan.PlanReader;
import jp.csr.review.validation.Submission.Cover;
import jp.csr.review.validation.Submission.HighlightEntry;
import jp.csr.review.validation.Submission.InitiativeEntry;
import jp.csr.review.validation.Submission.KpiEntry;
import jp.csr.review.workbook.CellRead;
import jp.csr.review.workbook.Grid;
import jp.csr.review.workbook.Grids;
import jp.csr.review.workbook.LabelValueSheet;
import jp.csr.review.workbook.Numbers;
import jp.csr.review.workbook.SheetTable;
import jp.csr.review.workbook.SheetTable.TableRow;
import jp.csr.review.workbook.StreamedWorkbook;
import jp.csr.review.workbook.Text;
import jp.csr.review.workbook.WorkbookLimits;
import jp.csr.review.workbook.WorkbookLimits.Excess;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one submission workbook against the plan (PRODUCT.md §2–§4) and reports every problem at
 * once. Used by the nightly load and by {@code validate} alike, so both give the same answer.
 */
public final class SubmissionValidator {

	private static final Logger log = LoggerFactory.getLogger(SubmissionValidator.class);

	static final List<String> KPI_COLUMNS = List.of("KPI ID", "KPI", "判定", "目標値", "単位", "実績", "実績表記", "備考");

	static final List<String> INITIATIVE_COLUMNS = List.of("取り組みID", "具体的な取り組み", "進捗", "自己評価", "備考");

	static final List<String> HIGHLIGHT_COLUMNS = List.of("コミットメント", "主な取り組みとハイライト");

	private static final Set<String> OPTIONAL = Set.of("KPI", "判定", "目標値", "単位", "実績表記", "備考", "具体的な取り組み",
			"自己評価");

	/** Excel's limit of characters in one cell. */
	public static final int MAX_TEXT = 32_767;

	/** Appended to a text cut to {@link #MAX_TEXT}. */
	public static final String CUT_MARK = "…(以下省略)";

	/** Said at a formula cell whose result was never saved: its value is unknown, never 0 or blank. */
	static final String WITHOUT_RESULT = "数式の計算結果が保存されていません。Excelで開いて保存し直してください";

	/** The 表紙 labels read; one given by two rows is an error. */
	private static final List<String> COVER_LABELS = List.of("様式バージョン", "期", "部署コード", "部署名", "提出者", "提出日");

	/** Opens a workbook with POI's usermodel. */
	interface Opener {

		Workbook open(Path file) throws IOException;

	}

	/** Read-only: nothing is saved, and a failure to let go of the file changes no answer. */
	static final Opener USERMODEL = file -> WorkbookFactory.create(file.toFile(), null, true);

	private final Plan plan;

	private final MarkRule marks;

	private final ZoneId zone;

	private final Opener opener;

	/** {@code .xlsx} and {@code .xlsm} are streamed; the opener reads the rest and what the stream leaves. */
	private final boolean streaming;

	public SubmissionValidator(Plan plan, MarkRule marks, ZoneId zone) {
		this(plan, marks, zone, USERMODEL, true);
	}

	/**
	 * With another way to open workbooks, used for every file instead of the streaming reader: lets a test fail a
	 * check the way a bug would, or read a file with the usermodel alone to compare.
	 */
	SubmissionValidator(Plan plan, MarkRule marks, ZoneId zone, Opener opener) {
		this(plan, marks, zone, opener, false);
	}

	private SubmissionValidator(Plan plan, MarkRule marks, ZoneId zone, Opener opener, boolean streaming) {
		this.plan = plan;
		this.marks = marks;
		this.zone = zone;
		this.opener = opener;
		this.streaming = streaming;
	}

	/**
	 * @param file the bytes to check (a staged copy when loading)
	 * @param name the file's name as the department knows it, used in every message
	 * @param receivedAt the file's modification time, which decides lateness
	 */
	public Validation validate(Path file, String name, Instant receivedAt) {
		Findings findings = new Findings(name);
		try {
			check(file, findings, receivedAt);
		}
		catch (RuntimeException | StackOverflowError | OutOfMemoryError ex) {
			// a bug of ours or of POI, or one absurd workbook: that file's problem alone (PRODUCT.md §3); what
			// was found before it stands, the department sees it all
			log.warn("{}: 予期しないエラーのため読み込めませんでした", name, ex);
			findings.error("", "", "予期しないエラーのため読み込めませんでした (" + ex.getClass().getSimpleName() + ")");
		}
		return findings.validation();
	}

	private void check(Path file, Findings findings, Instant receivedAt) {
		Optional<StreamedWorkbook> streamed = streaming ? streamed(file, findings.file) : Optional.empty();
		if (streamed.isPresent()) {
			// counted while streamed: reading stopped at the first sheet over the limits
			streamed.get().excess().ifPresentOrElse(excess -> refuse(excess, findings),
					() -> check(streamed.get().sheets(), findings, receivedAt));
			return;
		}
		// before the usermodel opens it: a sheet filled to the last row would take it minutes and gigabytes
		Optional<Excess> excess = WorkbookLimits.check(file);
		if (excess.isPresent()) {
			refuse(excess.get(), findings);
			return;
		}
		Workbook workbook;
		try {
			workbook = opener.open(file);
		}
		catch (EncryptedDocumentException ex) {
			findings.error("", "", "パスワードで保護されたブックは読み込めません。パスワードを解除して保存し直してから提出してください");
			return;
		}
		catch (IOException | RuntimeException ex) {
			// failing to open is the file's form, not a bug: what POI says is whether it is a workbook at all
			if (isZipBomb(ex)) {
				// POI's guard against zip bombs: say what it is, not just "unreadable"
				findings.error("", "", "ブックの圧縮率が極端に高いため、安全のため読み込みません。同じ文字や行の大量の繰り返し、不要な行・列を削除して保存し直してから提出してください");
			}
			else {
				findings.error("", "", "Excelブック (.xlsx, .xlsm, .xls) として読み込めません。Excelで開いて保存し直してから提出してください ("
						+ ex.getClass().getSimpleName() + ")");
			}
			return;
		}
		try {
			check(Grids.of(workbook), findings, receivedAt);
		}
		finally {
			close(workbook, findings.file);
		}
	}

	/**
	 * An {@code .xlsx} or {@code .xlsm} read by the streaming reader. Empty for anything else ({@code .xls}, not a
	 * workbook) and for whatever it leaves to the usermodel: that reads it as it always did, or says why not
	 * (encrypted, a zip bomb, broken), in the words the department always got.
	 */
	private static Optional<StreamedWorkbook> streamed(Path file, String name) {
		try {
			if (FileMagic.valueOf(file.toFile()) != FileMagic.OOXML) {
				return Optional.empty();
			}
			return Optional.of(StreamedWorkbook.read(file));
		}
		catch (Exception ex) {
			log.debug("{}: read with POI's usermodel instead of streamed ({})", name, ex.toString());
			return Optional.empty();
		}
	}

	private static void refuse(Excess excess, Findings findings) {
		findings.error(excess.sheet(), "", excess.message());
	}

	/** Opened read-only: nothing to save, and a failure to let go of it changes no answer. */
	private static void close(Workbook workbook, String name) {
		try {
			workbook.close();
		}
		catch (IOException | RuntimeException ex) {
			log.debug("{}: closing the workbook failed", name, ex);
		}
	}

	private static boolean isZipBomb(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
				return true;
			}
		}
		return false;
	}

	private void check(List<Grid> workbook, Findings findings, Instant receivedAt) {
		Optional<Grid> cover = sheet(workbook, "表紙", findings);
		Optional<Grid> kpiSheet = sheet(workbook, "KPI", findings);
		Optional<Grid> initiativeSheet = sheet(workbook, "取り組み", findings);
		Optional<Grid> highlightSheet = sheet(workbook, "ハイライト", findings);
		Cover coverValues = cover.map(s -> cover(s, findings)).orElse(null);
		String code = coverValues == null ? "" : coverValues.departmentCode();
		findings.departmentCode = code;
		findings.late = coverValues != null && isLate(receivedAt, findings);
		if (plan.department(code).isEmpty()) {
			// without a known department no ID can be checked against its share of the plan
			return;
		}
		List<KpiEntry> kpis = kpiSheet.map(s -> kpis(s, code, findings)).orElse(List.of());
		List<InitiativeEntry> initiatives = initiativeSheet.map(s -> initiatives(s, code, findings)).orElse(List.of());
		List<HighlightEntry> highlights = highlightSheet.map(s -> highlights(s, code, findings)).orElse(List.of());
		findings.submission = new Submission(coverValues, kpis, initiatives, highlights);
	}

	/**
	 * The one sheet of that name. Two sheets that are one name after NFKC ({@code KPI} and a hidden
	 * {@code ＫＰＩ}) are an error, and neither is read: which one the department meant is a guess.
	 */
	private Optional<Grid> sheet(List<Grid> workbook, String name, Findings findings) {
		List<Grid> sheets = Grid.allNamed(workbook, name);
		if (sheets.isEmpty()) {
			findings.error(name, "", "シート「" + name + "」がありません。配布された様式のシートを削除・改名せずに提出してください");
			return Optional.empty();
		}
		if (sheets.size() > 1) {
			boolean anyHidden = sheets.stream().anyMatch(Grid::hidden);
			findings.error(sheets.get(0).name(), "", "シート"
					+ sheets.stream().map(s -> "「" + s.name() + "」" + (s.hidden() ? "(非表示)" : ""))
						.collect(Collectors.joining("と"))
					+ "は同じ名前「" + name + "」とみなされるため、どれを読むか決められません。不要なシートを削除してください"
					+ (anyHidden ? " (非表示のシートは、シート見出しの右クリックから「再表示」で表示できます)" : ""));
			return Optional.empty();
		}
		return Optional.of(sheets.get(0));
	}

	/**
	 * The labels read (known columns, 表紙 rows) that more than one cell gives: an error at the second cell
	 * naming them all, and the label is read from none of them. A label formula without a result is an error.
	 *
	 * @param message the error with the label, the number of cells and their addresses to fill in
	 */
	private static Set<String> ambiguous(List<CellRead> labels, Map<String, List<CellRead>> duplicates,
			List<String> read, String message, Findings findings) {
		labels.forEach(findings::withoutResult);
		Map<String, List<CellRead>> twice = new LinkedHashMap<>(duplicates);
		twice.keySet().retainAll(read);
		twice.forEach((label, cells) -> findings.error(cells.get(1), String.format(message, label, cells.size(),
				cells.stream().map(CellRead::address).collect(Collectors.joining(", ")))));
		return twice.keySet();
	}

	private Cover cover(Grid sheet, Findings findings) {
		LabelValueSheet values = LabelValueSheet.of(sheet);
		Set<String> ambiguous = ambiguous(values.labels(), values.duplicates(), COVER_LABELS,
				"「%s」の行が%dつあります (%s)。どれを読むか決められないため、不要な行を削除してください", findings);
		CoverValues cover = new CoverValues(values, ambiguous, sheet.name(), findings);
		cover.optional("様式バージョン").filter(c -> !c.isBlank() && !"1".equals(c.normalized()))
			.ifPresent(c -> findings.warning(c, "様式バージョン「" + c.text() + "」は想定外です (期待値: 1)"));
		int term = 0;
		Optional<CellRead> termCell = cover.required("期");
		if (termCell.isPresent()) {
			Optional<BigDecimal> n = Numbers.read(termCell.get(), "期");
			if (n.isEmpty() || n.get().compareTo(BigDecimal.valueOf(plan.term())) != 0) {
				findings.error(termCell.get(), "期「" + termCell.get().text() + "」は行動計画の期ではありません (期待値: " + plan.term() + ")");
			}
			else {
				term = plan.term();
			}
		}
		String code = "";
		Optional<CellRead> codeCell = cover.required("部署コード");
		if (codeCell.isPresent()) {
			code = codeCell.get().normalized();
			if (plan.department(code).isEmpty()) {
				findings.error(codeCell.get(), "部署コード「" + codeCell.get().text() + "」は行動計画の部署にありません (期待値: "
						+ String.join(", ", plan.departments().stream().map(Department::code).toList()) + " のいずれか)");
			}
		}
		String submitter = cover.optional("提出者").map(CellRead::normalized).orElse("");
		LocalDate submittedOn = null;
		Optional<CellRead> dateCell = cover.optional("提出日").filter(c -> !c.isBlank());
		if (dateCell.isPresent()) {
			submittedOn = PlanReader.parseDate(dateCell.get()).orElse(null);
			if (submittedOn == null) {
				findings.warning(dateCell.get(), "提出日「" + dateCell.get().text() + "」を日付として読めません (例: 2025/10/15)");
			}
		}
		return new Cover(term, code, cover.optional("部署名").map(CellRead::normalized).orElse(""), submitter, submittedOn);
	}

	/** The 表紙's value cells; a label given by two rows, or a value that is none, is read as nothing. */
	private record CoverValues(LabelValueSheet values, Set<String> ambiguous, String sheet, Findings findings) {

		Optional<CellRead> optional(String label) {
			if (ambiguous.contains(label)) {
				return Optional.empty();
			}
			return values.get(label).filter(cell -> !findings.unreadable(cell));
		}

		Optional<CellRead> required(String label) {
			if (ambiguous.contains(label)) {
				return Optional.empty();
			}
			Optional<CellRead> cell = values.get(label);
			if (cell.isEmpty()) {
				findings.error(sheet, "", "「" + label + "」の行がありません (A列にラベル、B列に値)");
				return cell;
			}
			if (findings.unreadable(cell.get())) {
				return Optional.empty();
			}
			if (cell.get().isBlank()) {
				findings.error(cell.get(), "「" + label + "」が空です");
				return Optional.empty();
			}
			return cell;
		}

	}

	private boolean isLate(Instant receivedAt, Findings findings) {
		if (plan.deadline() == null || receivedAt == null) {
			return false;
		}
		Instant endOfDeadline = plan.deadline().plusDays(1).atStartOfDay(zone).toInstant();
		if (!receivedAt.isBefore(endOfDeadline)) {
			findings.warning("", "", "提出期限 (" + plan.deadline() + ") を過ぎて受信しました (受信: "
					+ receivedAt.atZone(zone).toLocalDateTime().withNano(0) + ")");
			return true;
		}
		return false;
	}

	/**
	 * The table of a sheet and its known columns. A header formula without a result is an error; a known
	 * column given by two header cells is an error and neither is read.
	 */
	private SheetTable table(Grid sheet, List<String> columns, Findings findings) {
		SheetTable read = SheetTable.of(sheet);
		Set<String> ambiguous = ambiguous(read.headers(), read.duplicates(), columns,
				"列「%s」が%dつあります (%s)。どれを読むか決められないため、不要な列を削除してください", findings);
		SheetTable table = read.without(ambiguous);
		for (String column : columns) {
			if (!OPTIONAL.contains(column) && !table.has(column) && !ambiguous.contains(column)) {
				// named at the header cell the template gives the column, where the department looks for it
				findings.error(sheet.name(), CellReference.convertNumToColString(columns.indexOf(column)) + "1",
						"列「" + column + "」がありません (1行目の見出しを変更・削除しないでください)");
			}
		}
		table.columns().forEach((label, index) -> {
			if (!columns.contains(label)) {
				findings.warning(sheet.name(), table.headerAddress(label), "列「" + label + "」は様式にないため無視します");
			}
		});
		return table;
	}

	private List<KpiEntry> kpis(Grid sheet, String code, Findings findings) {
		SheetTable table = table(sheet, KPI_COLUMNS, findings);
		if (!table.has("KPI ID") || !table.has("実績")) {
			return List.of();
		}
		Set<String> seen = new HashSet<>();
		boolean idUnread = false;
		List<KpiEntry> entries = new ArrayList<>();
		for (TableRow row : table.rows(KPI_COLUMNS)) {
			if (findings.unreadable(row.get("KPI ID"))) {
				idUnread = true;
				continue;
			}
			Optional<Kpi> kpi = identify(row, "KPI ID", "KPI", plan::kpi, Kpi::departmentCode, code, seen, findings);
			if (kpi.isEmpty()) {
				continue;
			}
			comparePlanCopies(row, kpi.get(), findings);
			// both told at once; an error rejects the file, so what they read as does not matter then
			findings.unreadable(row.get("実績表記"));
			findings.unreadable(row.get("備考"));
			CellRead result = row.get("実績");
			// an error value or a bad number is left to the result's own check, which names what was found
			if (findings.withoutResult(result)) {
				continue;
			}
			if (result.isBlank()) {
				findings.warning(result, "KPI " + kpi.get().id() + " の実績が空です (未報告として扱います)");
				continue;
			}
			readResult(kpi.get(), result, findings).ifPresent(number -> entries.add(new KpiEntry(kpi.get().id(),
					number.text(), number.number(), fit(row.get("実績表記"), Text.normalize(row.get("実績表記").text()), findings),
					fit(row.get("備考"), Text.freeText(row.get("備考").text()), findings), result.reference())));
		}
		if (!idUnread) {
			// an ID that could not be read may be any of them
			plan.kpisOf(code).stream().filter(k -> !seen.contains(k.id())).forEach(k -> findings.warning(sheet.name(),
					"", "KPI " + k.id() + " (" + k.text() + ") の行がありません (未報告として扱います)"));
		}
		return entries;
	}

	private record Read(String text, BigDecimal number) {
	}

	/** The 実績 read as its KPI's kind (PRODUCT.md §3, §4), or an error naming what is expected. */
	private Optional<Read> readResult(Kpi kpi, CellRead cell, Findings findings) {
		Judgement judgement = kpi.judgement();
		if (judgement.isNumeric()) {
			Optional<BigDecimal> n = Numbers.read(cell, kpi.unit());
			if (kpi.countsThings() && (n.isEmpty() || !Numbers.isWholeNonNegative(n.get()))) {
				findings.error(cell, "実績「" + cell.text() + "」は件数として読めません (期待値: 0以上の整数、例: 1 または 1" + kpi.unit() + ")");
				return Optional.empty();
			}
			if (n.isEmpty()) {
				findings.error(cell, "実績「" + cell.text() + "」は数値として読めません (期待値: 数値、例: 98.9"
						+ (kpi.unit().isEmpty() ? "" : " または 98.9" + kpi.unit()) + ")");
				return Optional.empty();
			}
			percentTypedAsFraction(kpi, cell, n.get(), findings);
			// PRODUCT.md v2 §6: the review prints the decimals the department gave (98.50% stays 98.50%)
			return Optional.of(new Read(Numbers.asTyped(cell, kpi.unit()).orElseThrow(), n.get()));
		}
		String word = cell.normalized();
		List<String> allowed = judgement == Judgement.MAINTAIN ? union(ResultWords.YES, ResultWords.NO)
				: ResultWords.QUALITATIVE;
		if (!allowed.contains(word)) {
			findings.error(cell, "実績「" + cell.text() + "」は" + judgement.label() + "のKPIの結果として読めません (期待値: "
					+ String.join(", ", allowed) + " のいずれか)");
			return Optional.empty();
		}
		return Optional.of(new Read(word, null));
	}

	/**
	 * {@code 0.32} typed into a plain cell of a {@code %} KPI whose target is 100 is read as 0.32 %, as
	 * PRODUCT.md §4 says; the department probably meant 32 %. Told, not guessed.
	 */
	private static void percentTypedAsFraction(Kpi kpi, CellRead cell, BigDecimal n, Findings findings) {
		boolean fraction = n.signum() > 0 && n.compareTo(BigDecimal.ONE) <= 0;
		if (kpi.isPercent() && fraction && kpi.target() != null && kpi.target().compareTo(BigDecimal.ONE) > 0
				&& !cell.percentFormat() && !cell.normalized().contains("%")) {
			String meant = Numbers.format(n.movePointRight(2));
			findings.warning(cell, "実績「" + cell.text() + "」を " + Numbers.format(n) + "% と読みました。" + meant
					+ "% の意味であれば " + meant + " または " + meant + "% と入力してください (目標値: " + Numbers.format(kpi.target())
					+ "%)");
		}
	}

	private static List<String> union(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	/** The plan's values win; a department that changed a copy is told so. */
	private void comparePlanCopies(TableRow row, Kpi kpi, Findings findings) {
		CellRead target = row.get("目標値");
		if (row.cells().containsKey("目標値") && !findings.unreadable(target) && kpi.target() != null) {
			Optional<BigDecimal> n = Numbers.read(target, kpi.unit());
			if (n.isEmpty() || n.get().compareTo(kpi.target()) != 0) {
				findings.warning(target, "目標値「" + target.text() + "」が行動計画の値と異なります。行動計画の値 " + Numbers.format(kpi.target())
						+ " を使います");
			}
		}
		changed(row, "KPI", kpi.text(), findings);
		changed(row, "判定", kpi.judgement().label(), findings);
		changed(row, "単位", kpi.unit(), findings);
	}

	private void changed(TableRow row, String label, String planValue, Findings findings) {
		if (row.cells().containsKey(label) && !findings.unreadable(row.get(label)) && !row.text(label).equals(planValue)) {
			findings.warning(row.get(label), label + "「" + row.get(label).text() + "」が行動計画の値と異なります。行動計画の値「" + planValue
					+ "」を使います");
		}
	}

	private List<InitiativeEntry> initiatives(Grid sheet, String code, Findings findings) {
		SheetTable table = table(sheet, INITIATIVE_COLUMNS, findings);
		if (!table.has("取り組みID") || !table.has("進捗")) {
			return List.of();
		}
		Set<String> seen = new HashSet<>();
		boolean idUnread = false;
		List<InitiativeEntry> entries = new ArrayList<>();
		for (TableRow row : table.rows(INITIATIVE_COLUMNS)) {
			if (findings.unreadable(row.get("取り組みID"))) {
				idUnread = true;
				continue;
			}
			Optional<Initiative> initiative = identify(row, "取り組みID", "具体的な取り組み", plan::initiative,
					Initiative::departmentCode, code, seen, findings);
			if (initiative.isEmpty()) {
				continue;
			}
			changed(row, "具体的な取り組み", initiative.get().text(), findings);
			boolean declaredUnread = findings.unreadable(row.get("自己評価"));
			findings.unreadable(row.get("備考"));
			CellRead progressCell = row.get("進捗");
			if (findings.unreadable(progressCell)) {
				continue;
			}
			Optional<InitiativeEntry> entry = progress(progressCell, findings).map(p -> {
				String declared = declaredUnread ? "" : row.get("自己評価").normalized();
				if (!declared.isEmpty() && !ResultWords.MARKS.contains(declared)) {
					findings.warning(row.get("自己評価"), "自己評価「" + row.get("自己評価").text() + "」は ◎, ○, △ のいずれでもないため無視します");
					declared = "";
				}
				Optional<String> computed = marks.mark(p.text(), p.number());
				if (!declared.isEmpty() && computed.isPresent() && !computed.get().equals(declared)) {
					findings.warning(row.get("自己評価"), "自己評価「" + declared + "」が進捗「" + p.text() + "」から算出した評価「"
							+ computed.get() + "」と異なります。算出した評価を使います");
				}
				return new InitiativeEntry(initiative.get().id(), p.text(), p.number(), declared,
						fit(row.get("備考"), Text.freeText(row.get("備考").text()), findings), progressCell.reference());
			});
			entry.ifPresent(entries::add);
		}
		if (!idUnread) {
			plan.initiativesOf(code).stream().filter(i -> !seen.contains(i.id())).forEach(i -> findings
				.warning(sheet.name(), "", "取り組み " + i.id() + " (" + i.text() + ") の行がありません (未報告として扱います)"));
		}
		return entries;
	}

	/** 進捗: a configured word, or a percentage 0–100 typed, written with %, or percent-formatted. */
	private Optional<Read> progress(CellRead cell, Findings findings) {
		if (cell.isBlank()) {
			findings.warning(cell, "進捗が空です (評価なしとして扱います)");
			return Optional.of(new Read("", null));
		}
		String word = cell.normalized();
		if (marks.knows(word)) {
			return Optional.of(new Read(word, null));
		}
		Optional<BigDecimal> percent = Numbers.read(cell, "%");
		if (percent.isPresent() && percent.get().signum() >= 0 && percent.get().compareTo(BigDecimal.valueOf(100)) <= 0) {
			return Optional.of(new Read(Numbers.format(percent.get()) + "%", percent.get()));
		}
		findings.error(cell, "進捗「" + cell.text() + "」は読めません (期待値: 完了, 継続中, 一部完了, 未完了, 未着手 または 0〜100 の割合、例: 80%)");
		return Optional.empty();
	}

	private List<HighlightEntry> highlights(Grid sheet, String code, Findings findings) {
		SheetTable table = table(sheet, HIGHLIGHT_COLUMNS, findings);
		if (!table.has("コミットメント") || !table.has("主な取り組みとハイライト")) {
			return List.of();
		}
		Set<String> served = new HashSet<>();
		plan.commitmentsOf(code).forEach(c -> served.add(c.text()));
		List<HighlightEntry> entries = new ArrayList<>();
		for (TableRow row : table.rows(HIGHLIGHT_COLUMNS)) {
			String commitment = row.text("コミットメント");
			CellRead text = row.get("主な取り組みとハイライト");
			// both told at once
			if (findings.unreadable(row.get("コミットメント")) | findings.unreadable(text)) {
				continue;
			}
			if (!served.contains(commitment)) {
				findings.warning(row.get("コミットメント"), "コミットメント「" + row.get("コミットメント").text() + "」はこの部署の担当ではないため無視します");
				continue;
			}
			if (!text.isBlank()) {
				entries.add(new HighlightEntry(commitment, fit(text, Text.freeText(text.text()), findings), text.reference()));
			}
		}
		return entries;
	}

	/**
	 * Excel holds at most 32,767 characters in a cell; other programs (LibreOffice, generators) can write
	 * more, and such a text could not be written into the review. It is cut, marked as cut, with a warning.
	 */
	private static String fit(CellRead cell, String text, Findings findings) {
		if (text.length() <= MAX_TEXT) {
			return text;
		}
		findings.warning(cell, "文字数が" + String.format("%,d", text.length()) + "文字あり、Excelの1セルの上限 32,767文字を超えるため、"
				+ "32,767文字に切り詰めました (末尾に「" + CUT_MARK + "」)");
		int keep = MAX_TEXT - CUT_MARK.length();
		// never split a surrogate pair
		if (Character.isHighSurrogate(text.charAt(keep - 1))) {
			keep--;
		}
		return text.substring(0, keep) + CUT_MARK;
	}

	/** The plan row a submission row names, when the ID is known, the department's, and not repeated. */
	private <T> Optional<T> identify(TableRow row, String idColumn, String what, java.util.function.Function<String, Optional<T>> lookup,
			java.util.function.Function<T, String> departmentOf, String code, Set<String> seen, Findings findings) {
		CellRead idCell = row.get(idColumn);
		String id = idCell.normalized();
		if (id.isEmpty()) {
			findings.error(idCell, idColumn + "が空です (配布された行の" + idColumn + "を消さないでください)");
			return Optional.empty();
		}
		Optional<T> item = lookup.apply(id);
		if (item.isEmpty()) {
			findings.error(idCell, idColumn + "「" + idCell.text() + "」は行動計画にありません");
			return Optional.empty();
		}
		if (!departmentOf.apply(item.get()).equals(code)) {
			findings.error(idCell, idColumn + "「" + id + "」は部署 " + code + " の担当ではありません (担当: "
					+ departmentOf.apply(item.get()) + ")");
			return Optional.empty();
		}
		if (!seen.add(id)) {
			findings.error(idCell, idColumn + "「" + id + "」が2回以上あります");
			return Optional.empty();
		}
		return item;
	}

	/** What checking one file found so far: its issues in the order found, and what was read. */
	private static final class Findings {

		private final String file;

		private final IssueList issues;

		private String departmentCode = "";

		private boolean late;

		/** Set once every sheet was read; an error found on the way still rejects the file. */
		private Submission submission;

		Findings(String file) {
			this.file = file;
			this.issues = new IssueList(file);
		}

		Validation validation() {
			return new Validation(hasErrors() ? null : submission, departmentCode, late, issues);
		}

		/** A formula without a saved result: an error at its cell, and the caller reads nothing from it. */
		boolean withoutResult(CellRead cell) {
			if (cell.kind() == CellRead.Kind.FORMULA_WITHOUT_RESULT) {
				error(cell, WITHOUT_RESULT);
				return true;
			}
			return false;
		}

		/**
		 * A cell that holds no value: a formula without a saved result, an error value ({@code #N/A}) or a
		 * bad number ({@code NaN}). An error at its cell, and the caller reads nothing from it. For cells
		 * whose text would otherwise be taken as it is (notes, plan copies) or only warned about.
		 */
		boolean unreadable(CellRead cell) {
			switch (cell.kind()) {
				case FORMULA_WITHOUT_RESULT -> error(cell, WITHOUT_RESULT);
				case ERROR_VALUE -> error(cell, "「" + cell.text() + "」はエラー値のため読めません。数式や参照先を直すか、値を入力してください");
				case BAD_NUMBER -> error(cell, "「" + cell.text() + "」は数値として読めません。値を入力し直してください");
				case VALUE -> {
					return false;
				}
			}
			return true;
		}

		void error(String sheet, String cell, String message) {
			issues.add(new Issue(Severity.ERROR, file, sheet, cell, message));
		}

		void error(CellRead cell, String message) {
			error(cell.sheet(), cell.address(), message);
		}

		void warning(String sheet, String cell, String message) {
			issues.add(new Issue(Severity.WARNING, file, sheet, cell, message));
		}

		void warning(CellRead cell, String message) {
			warning(cell.sheet(), cell.address(), message);
		}

		boolean hasErrors() {
			return issues.errors() > 0;
		}

	}

}
