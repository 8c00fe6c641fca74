package jp.csr.review.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import jp.csr.review.form.SubmissionFormat;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import jp.csr.review.plan.PlanReader;
import jp.csr.review.validation.Submission.Cover;
import jp.csr.review.workbook.CellRead;
import jp.csr.review.workbook.Grid;
import jp.csr.review.workbook.LabelValueSheet;
import jp.csr.review.workbook.Numbers;

import static jp.csr.review.form.SubmissionFormat.COVER_LABELS;
import static jp.csr.review.form.SubmissionFormat.DEPARTMENT_CODE;
import static jp.csr.review.form.SubmissionFormat.DEPARTMENT_NAME;
import static jp.csr.review.form.SubmissionFormat.FORM_VERSION;
import static jp.csr.review.form.SubmissionFormat.SUBMITTED_ON;
import static jp.csr.review.form.SubmissionFormat.SUBMITTER;
import static jp.csr.review.form.SubmissionFormat.TERM;

/** The 表紙: which department submits, for which term, by whom and when. */
final class CoverCheck {

	private final Plan plan;

	CoverCheck(Plan plan) {
		this.plan = plan;
	}

	Cover read(Grid sheet, Findings findings) {
		LabelValueSheet values = LabelValueSheet.of(sheet);
		Set<String> ambiguous = DuplicateLabels.reported(values.labels(), values.duplicates(), COVER_LABELS,
				"「%s」の行が%dつあります (%s)。どれを読むか決められないため、不要な行を削除してください", findings);
		CoverValues cover = new CoverValues(values, ambiguous, sheet.name(), findings);
		String version = String.valueOf(SubmissionFormat.VERSION);
		cover.optional(FORM_VERSION).filter(c -> !c.isBlank() && !version.equals(c.normalized()))
			.ifPresent(c -> findings.warning(c, "様式バージョン「" + c.text() + "」は想定外です (期待値: " + version + ")"));
		int term = 0;
		Optional<CellRead> termCell = cover.required(TERM);
		if (termCell.isPresent()) {
			Optional<BigDecimal> n = Numbers.read(termCell.get(), TERM);
			if (n.isEmpty() || n.get().compareTo(BigDecimal.valueOf(plan.term())) != 0) {
				findings.error(termCell.get(), "期「" + termCell.get().text() + "」は行動計画の期ではありません (期待値: " + plan.term() + ")");
				n.filter(Numbers::isWholeNonNegative).filter(t -> t.signum() > 0 && t.compareTo(BigDecimal.valueOf(10_000)) < 0)
					.ifPresent(t -> findings.otherTerm(t.intValueExact()));
			}
			else {
				term = plan.term();
			}
		}
		String code = "";
		Optional<CellRead> codeCell = cover.required(DEPARTMENT_CODE);
		if (codeCell.isPresent()) {
			code = codeCell.get().normalized();
			if (plan.department(code).isEmpty()) {
				findings.error(codeCell.get(), "部署コード「" + codeCell.get().text() + "」は行動計画の部署にありません (期待値: "
						+ String.join(", ", plan.departments().stream().map(Department::code).toList()) + " のいずれか)");
			}
		}
		String submitter = cover.wanted(SUBMITTER, "提出者 (記入者) のお名前を入力してください")
			.map(CellRead::normalized).orElse("");
		LocalDate submittedOn = null;
		Optional<CellRead> dateCell = cover.wanted(SUBMITTED_ON, "提出した日付を入力してください (例: 2025/10/15)");
		if (dateCell.isPresent()) {
			submittedOn = PlanReader.parseDate(dateCell.get()).orElse(null);
			if (submittedOn == null) {
				findings.warning(dateCell.get(), "提出日「" + dateCell.get().text() + "」を日付として読めません (例: 2025/10/15)");
			}
		}
		return new Cover(term, code, cover.optional(DEPARTMENT_NAME).map(CellRead::normalized).orElse(""), submitter,
				submittedOn);
	}

	/** The 表紙's value cells; a label given by two rows, or a value that is none, is read as nothing. */
	private record CoverValues(LabelValueSheet values, Set<String> ambiguous, String sheet, Findings findings) {

		Optional<CellRead> optional(String label) {
			if (ambiguous.contains(label)) {
				return Optional.empty();
			}
			return values.get(label).filter(cell -> !findings.unreadable(cell));
		}

		/**
		 * A value the 記入方法 calls required that the file is still accepted without (PRODUCT.md §3 v3): its row
		 * missing or its cell empty is a warning saying what to enter; empty when either is.
		 */
		Optional<CellRead> wanted(String label, String what) {
			if (ambiguous.contains(label)) {
				return Optional.empty();
			}
			Optional<CellRead> cell = values.get(label);
			if (cell.isEmpty()) {
				findings.warning(sheet, "", "「" + label + "」の行がありません。A列に「" + label + "」、B列に値の行を戻し、" + what);
				return cell;
			}
			if (findings.unreadable(cell.get())) {
				return Optional.empty();
			}
			if (cell.get().isBlank()) {
				findings.warning(cell.get(), label + "が空です。" + what);
				return Optional.empty();
			}
			return cell;
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

}
