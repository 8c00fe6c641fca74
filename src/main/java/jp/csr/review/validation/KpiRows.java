package jp.csr.review.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.csr.review.form.SubmissionFormat;
import jp.csr.review.plan.Criterion;
import jp.csr.review.plan.Kpi;
import jp.csr.review.plan.Plan;
import jp.csr.review.validation.Submission.KpiEntry;
import jp.csr.review.workbook.CellRead;
import jp.csr.review.workbook.Grid;
import jp.csr.review.workbook.Numbers;
import jp.csr.review.workbook.SheetTable;
import jp.csr.review.workbook.SheetTable.TableRow;
import jp.csr.review.workbook.Text;

import static jp.csr.review.form.SubmissionFormat.JUDGEMENT;
import static jp.csr.review.form.SubmissionFormat.KPI_COLUMNS;
import static jp.csr.review.form.SubmissionFormat.KPI_ID;
import static jp.csr.review.form.SubmissionFormat.KPI_TEXT;
import static jp.csr.review.form.SubmissionFormat.NOTE;
import static jp.csr.review.form.SubmissionFormat.RESULT;
import static jp.csr.review.form.SubmissionFormat.RESULT_DISPLAY;
import static jp.csr.review.form.SubmissionFormat.TARGET;
import static jp.csr.review.form.SubmissionFormat.UNIT;

/** The KPI sheet: one row per KPI of the department, its 実績 read as the KPI's kind (PRODUCT.md §3, §4). */
final class KpiRows {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final Plan plan;

	KpiRows(Plan plan) {
		this.plan = plan;
	}

	List<KpiEntry> read(Grid sheet, String code, Findings findings) {
		SheetTable table = HeaderTable.of(sheet, KPI_COLUMNS, findings);
		MergedCells.check(sheet, table, findings);
		if (!table.has(KPI_ID) || !table.has(RESULT)) {
			return List.of();
		}
		Set<String> seen = new HashSet<>();
		boolean idUnread = false;
		List<KpiEntry> entries = new ArrayList<>();
		List<TableRow> withoutId = new ArrayList<>();
		for (TableRow row : table.rows(KPI_COLUMNS)) {
			if (findings.unreadable(row.get(KPI_ID))) {
				idUnread = true;
				continue;
			}
			if (PlanRows.hasNoId(row, KPI_ID)) {
				withoutId.add(row);
				continue;
			}
			Optional<Kpi> kpi = PlanRows.identify(row, KPI_ID, plan::kpi, Kpi::departmentCode, code, seen, findings);
			if (kpi.isEmpty()) {
				continue;
			}
			comparePlanCopies(row, kpi.get(), findings);
			// both told at once; an error rejects the file, so what they read as does not matter then
			findings.unreadable(row.get(RESULT_DISPLAY));
			findings.unreadable(row.get(NOTE));
			CellRead result = row.get(RESULT);
			// an error value or a bad number is left to the result's own check, which names what was found
			if (findings.withoutResult(result)) {
				continue;
			}
			if (result.isBlank()) {
				findings.warning(result, "KPI " + kpi.get().id() + " の実績が空です (未報告として扱います)");
				continue;
			}
			readResult(kpi.get(), result, findings).ifPresent(number -> entries.add(new KpiEntry(kpi.get().id(),
					number.text(), number.number(),
					CellLimit.fit(row.get(RESULT_DISPLAY), Text.normalize(row.get(RESULT_DISPLAY).text()), findings),
					CellLimit.fit(row.get(NOTE), Text.freeText(row.get(NOTE).text()), findings), result.reference())));
		}
		List<Kpi> missing = plan.kpisOf(code).stream().filter(k -> !seen.contains(k.id())).toList();
		Set<Kpi> deleted = PlanRows.withoutId(withoutId, KPI_ID, KPI_TEXT, missing, Kpi::id, Kpi::text, findings);
		if (!idUnread) {
			// an ID that could not be read may be any of them
			missing.stream().filter(k -> !deleted.contains(k)).forEach(k -> findings.warning(sheet.name(), "",
					"KPI " + k.id() + " (" + k.text() + ") の行がありません (未報告として扱います)"));
		}
		return entries;
	}

	/** The 実績 read as its KPI's kind (PRODUCT.md §3, §4), or an error naming what is expected. */
	private static Optional<ReadValue> readResult(Kpi kpi, CellRead cell, Findings findings) {
		Criterion judgement = kpi.judgement();
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
			percentHundredTimesTooLarge(kpi, cell, n.get(), findings);
			// the review prints the decimals the department gave (98.50% stays 98.50%)
			return Optional.of(new ReadValue(Numbers.asTyped(cell, kpi.unit()).orElseThrow(), n.get()));
		}
		String word = cell.normalized();
		List<String> allowed = judgement == Criterion.MAINTAIN ? maintainWords() : SubmissionFormat.QUALITATIVE_RESULTS;
		if (!allowed.contains(word)) {
			findings.error(cell, "実績「" + cell.text() + "」は" + judgement.label() + "のKPIの結果として読めません (期待値: "
					+ String.join(", ", allowed) + " のいずれか)");
			return Optional.empty();
		}
		return Optional.of(new ReadValue(word, null));
	}

	/** A 維持 KPI's results: kept, then lost. */
	private static List<String> maintainWords() {
		List<String> all = new ArrayList<>(SubmissionFormat.YES_WORDS);
		all.addAll(SubmissionFormat.NO_WORDS);
		return all;
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

	/**
	 * {@code ９８．４} typed into a percent-formatted cell is 9,840 %: the cell holds 98.4 and shows it times 100. Told when
	 * a percentage over 100 is about 100 times its reference (the 目標値, else the 前期実績, else 100 %): between 30 and 300
	 * times it, so that what it probably meant, a hundredth of it, is within a factor of 3 of the reference. A rate that
	 * may pass 100 % (前年比 120 %) is far from 100 times any reference, and is never told.
	 */
	private static void percentHundredTimesTooLarge(Kpi kpi, CellRead cell, BigDecimal n, Findings findings) {
		if (!kpi.isPercent() || n.compareTo(HUNDRED) <= 0) {
			return;
		}
		String name = kpi.target() != null && kpi.target().signum() > 0 ? "目標値"
				: kpi.previousResult() != null && kpi.previousResult().signum() > 0 ? "前期実績" : null;
		BigDecimal reference = name == null ? HUNDRED : "目標値".equals(name) ? kpi.target() : kpi.previousResult();
		BigDecimal times = n.divide(reference, MathContext.DECIMAL64);
		if (times.compareTo(BigDecimal.valueOf(30)) < 0 || times.compareTo(BigDecimal.valueOf(300)) > 0) {
			return;
		}
		String found = Numbers.grouped(Numbers.format(n)) + "%";
		String meant = Numbers.grouped(Numbers.format(n.movePointLeft(2)));
		findings.warning(cell, "実績 " + found + " は" + (name == null ? " " : name + " ") + Numbers.grouped(Numbers.format(reference))
				+ "% の約100倍です。" + meant + "% のつもりなら、" + (cell.percentFormat()
						? "表示形式がパーセンテージのセルに " + meant + " と入力すると " + found + " になります: " + meant + "% と入力し直してください"
						: meant + " または " + meant + "% と入力し直してください"));
	}

	/** The plan's values win; a department that changed a copy is told so. */
	private static void comparePlanCopies(TableRow row, Kpi kpi, Findings findings) {
		CellRead target = row.get(TARGET);
		if (row.cells().containsKey(TARGET) && !findings.unreadable(target) && kpi.target() != null) {
			Optional<BigDecimal> n = Numbers.read(target, kpi.unit());
			if (n.isEmpty() || n.get().compareTo(kpi.target()) != 0) {
				findings.warning(target, "目標値「" + target.text() + "」が行動計画の値と異なります。行動計画の値 " + Numbers.format(kpi.target())
						+ " を使います");
			}
		}
		PlanRows.changed(row, KPI_TEXT, kpi.text(), findings);
		PlanRows.changed(row, JUDGEMENT, kpi.judgement().label(), findings);
		PlanRows.changed(row, UNIT, kpi.unit(), findings);
	}

}
