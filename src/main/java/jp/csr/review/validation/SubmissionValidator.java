package jp.csr.review.validation;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jp.csr.review.form.MarkRule;
import jp.csr.review.form.SubmissionFormat;
import jp.csr.review.plan.Plan;
import jp.csr.review.validation.Submission.Cover;
import jp.csr.review.validation.Submission.HighlightEntry;
import jp.csr.review.validation.Submission.InitiativeEntry;
import jp.csr.review.validation.Submission.KpiEntry;
import jp.csr.review.workbook.Grid;
import jp.csr.review.workbook.WorkbookOpener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one submission workbook against the plan (PRODUCT.md §2–§4) and reports every problem at
 * once. Used by the nightly load and by {@code validate} alike, so both give the same answer.
 */
public final class SubmissionValidator {

	private static final Logger log = LoggerFactory.getLogger(SubmissionValidator.class);

	/** Excel's limit of characters in one cell. */
	public static final int MAX_TEXT = 32_767;

	/** Appended to a text cut to {@link #MAX_TEXT}. */
	public static final String CUT_MARK = "…(以下省略)";

	/** Said at a formula cell whose result was never saved: its value is unknown, never 0 or blank. */
	static final String WITHOUT_RESULT = "数式の計算結果が保存されていません。Excelで開いて保存し直してください";

	private final Plan plan;

	private final ZoneId zone;

	private final SubmissionOpening opening;

	private final CoverCheck cover;

	private final KpiRows kpis;

	private final InitiativeRows initiatives;

	private final HighlightRows highlights;

	public SubmissionValidator(Plan plan, MarkRule marks, ZoneId zone) {
		this(plan, marks, zone, WorkbookOpener.streaming());
	}

	/**
	 * With another way to open workbooks: lets a test fail a check the way a bug would, or read a file with the
	 * usermodel alone to compare.
	 */
	SubmissionValidator(Plan plan, MarkRule marks, ZoneId zone, WorkbookOpener opener) {
		this.plan = plan;
		this.zone = zone;
		this.opening = new SubmissionOpening(opener);
		this.cover = new CoverCheck(plan);
		this.kpis = new KpiRows(plan);
		this.initiatives = new InitiativeRows(plan, marks);
		this.highlights = new HighlightRows(plan);
	}

	/**
	 * @param file the bytes to check (a staged copy when loading)
	 * @param name the file's name as the department knows it, used in every message
	 * @param receivedAt the file's modification time, which decides lateness
	 */
	public Validation validate(Path file, String name, Instant receivedAt) {
		Findings findings = new Findings(name);
		try {
			Optional<List<Grid>> sheets = opening.sheets(file, name, findings);
			if (sheets.isPresent()) {
				check(sheets.get(), findings, receivedAt);
			}
			else {
				departmentOfUnread(file, name, findings);
			}
		}
		catch (RuntimeException | StackOverflowError | OutOfMemoryError ex) {
			// a bug of ours or of POI, or one absurd workbook: that file's problem alone (PRODUCT.md §3); what
			// was found before it stands, the department sees it all
			log.warn("{}: 予期しないエラーのため読み込めませんでした", name, ex);
			findings.error("", "", "予期しないエラーのため読み込めませんでした (" + ex.getClass().getSimpleName() + ")");
		}
		return findings.validation();
	}

	private void check(List<Grid> workbook, Findings findings, Instant receivedAt) {
		FormSheets sheets = new FormSheets(workbook, findings);
		Optional<Grid> coverSheet = sheets.one(SubmissionFormat.COVER);
		Optional<Grid> kpiSheet = sheets.one(SubmissionFormat.KPI);
		Optional<Grid> initiativeSheet = sheets.one(SubmissionFormat.INITIATIVES);
		Optional<Grid> highlightSheet = sheets.one(SubmissionFormat.HIGHLIGHTS);
		Cover coverValues = coverSheet.map(s -> cover.read(s, findings)).orElse(null);
		String code = coverValues == null ? "" : coverValues.departmentCode();
		findings.cover(code, coverValues != null && isLate(receivedAt, findings));
		if (plan.department(code).isEmpty()) {
			// without a known department no ID can be checked against its share of the plan
			return;
		}
		List<KpiEntry> kpiEntries = kpiSheet.map(s -> kpis.read(s, code, findings)).orElse(List.of());
		List<InitiativeEntry> initiativeEntries = initiativeSheet.map(s -> initiatives.read(s, code, findings))
			.orElse(List.of());
		List<HighlightEntry> highlightEntries = highlightSheet.map(s -> highlights.read(s, code, findings))
			.orElse(List.of());
		findings.read(new Submission(coverValues, kpiEntries, initiativeEntries, highlightEntries));
	}

	/**
	 * PRODUCT.md §3 v3: a file rejected unread (a sheet of the form over the limits) is still the department's its
	 * 表紙 names, so that its annotated copy goes to that department's folder. What the 表紙 itself holds wrong is
	 * not told: the file is rejected for what it is, and told again once it can be read.
	 */
	private void departmentOfUnread(Path file, String name, Findings findings) {
		opening.cover(file)
			.map(sheet -> cover.read(sheet, new Findings(name)).departmentCode())
			.filter(code -> plan.department(code).isPresent())
			.ifPresent(code -> findings.cover(code, false));
	}

	/** Received after the 提出期限 day, in the review's time zone: told, and still read. */
	private boolean isLate(Instant receivedAt, Findings findings) {
		if (plan.isLate(receivedAt, zone)) {
			findings.warning("", "", LateWarning.message(plan.deadline(), receivedAt, zone));
			return true;
		}
		return false;
	}

}
