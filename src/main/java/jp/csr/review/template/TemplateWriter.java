package jp.csr.review.template;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import jp.csr.review.workbook.FileReplacement;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes one department's submission workbook (提出ブック, PRODUCT.md §2), prefilled from the plan.
 * Cells copied from the plan are locked and every sheet is protected; input cells are unlocked, tinted,
 * and carry a data validation whose input message says what to enter.
 */
public final class TemplateWriter {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

	private final String password;

	/** @param password sheet-protection password; {@code ""} (or null) protects without one */
	public TemplateWriter(String password) {
		this.password = password == null ? "" : password;
	}

	/**
	 * A 提出日 as a department of this term would write it: the 20th of the month after the term ends (when
	 * submissions come in), or the 提出期限 when that comes first.
	 */
	static String exampleDate(Plan plan) {
		LocalDate example = plan.end().plusMonths(1).atDay(20);
		if (plan.deadline() != null && plan.deadline().isBefore(example)) {
			example = plan.deadline();
		}
		return day(example);
	}

	/** A date as the workbook shows it to departments: {@code 2025/10/31}. */
	static String day(LocalDate date) {
		return date.format(DAY);
	}

	/** {@code 53期_ISEC_情報セキュリティ部.xlsx}; characters a file name cannot hold become {@code _}. */
	public static String fileName(Plan plan, Department d) {
		return safe(plan.term() + "期_" + d.code() + "_" + d.name()) + ".xlsx";
	}

	/** Writes the department's workbook to {@code file}, replacing it atomically. */
	public void write(Plan plan, Department department, Path file) throws IOException {
		Objects.requireNonNull(plan, "plan");
		// the plan's own row wins over the caller's copy, so the cover always matches the plan
		Department planned = plan.department(department.code())
			.orElseThrow(() -> new IllegalArgumentException("部署コード " + department.code() + " は行動計画にありません"));
		try (XSSFWorkbook workbook = TemplateBook.build(plan, planned, password)) {
			FileReplacement.write(file, workbook::write);
		}
	}

	private static String safe(String name) {
		return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
	}

}
