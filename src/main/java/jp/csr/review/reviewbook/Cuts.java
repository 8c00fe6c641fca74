package jp.csr.review.reviewbook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jp.csr.review.content.ReviewData.IssueRow;
import jp.csr.review.content.ReviewData.Source;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The texts the review had to cut to Excel's cell limit (PRODUCT.md §6: "a longer text is cut, marked as cut, and
 * a warning names its source"). Every text that comes from the plan or a submission is written through here; a
 * cut is logged at once and kept as a 警告 row, which {@link IssueSheet} lists after the run's own issues, since
 * 検証結果 is written last.
 *
 * <p>Only cuts are kept, and each notice is short (quoted texts are abbreviated, file lists capped), so this stays
 * small however large the review is.
 */
final class Cuts {

	private static final Logger log = LoggerFactory.getLogger(Cuts.class);

	/** Characters of a quoted text (a commitment, a file name) shown in a notice. */
	private static final int QUOTE = 30;

	/** Files named in one notice; the rest are counted. */
	private static final int MAX_FILES = 10;

	private final List<IssueRow> notices = new ArrayList<>();

	/**
	 * Where a text came from, for the notice: the files (and departments) it was read from, the cell when it has
	 * a single one, and what it is, in Japanese (「コミットメント「…」のハイライト」).
	 */
	record Origin(List<String> files, List<String> departments, String sheet, String cell, String what) {

		/** A text of the plan, or one the review composed from the plan: no submission to name. */
		static Origin of(String what) {
			return new Origin(List.of(), List.of(), null, null, what);
		}

		/** A text read from one submission. */
		static Origin of(String what, String department, Source source) {
			if (source == null) {
				return new Origin(List.of(), department == null ? List.of() : List.of(department), null, null, what);
			}
			int bang = source.cell() == null ? -1 : source.cell().lastIndexOf('!');
			return new Origin(List.of(source.file()), department == null ? List.of() : List.of(department),
					bang < 0 ? null : source.cell().substring(0, bang),
					bang < 0 ? source.cell() : source.cell().substring(bang + 1), what);
		}

		/** A text joined from several submissions' texts: the files are named, no single cell is. */
		static Origin of(String what, List<String> departments, List<Source> sources) {
			List<Source> known = sources.stream().filter(Objects::nonNull).toList();
			if (known.size() == 1) {
				return of(what, departments.size() == 1 ? departments.get(0) : null, known.get(0));
			}
			return new Origin(known.stream().map(Source::file).toList(), departments, null, null, what);
		}

	}

	/** Writes a text cell as {@link Put#text} does and, if the text had to be cut, records where it came from. */
	Cell text(Row row, int column, String text, CellStyle style, Supplier<Origin> origin) {
		Cell cell = Put.text(row, column, text, style);
		if (text != null && text.length() > Put.MAX_LENGTH) {
			note(row.getSheet().getSheetName(), new CellReference(row.getRowNum(), column).formatAsString(false),
					text.length(), origin.get());
		}
		return cell;
	}

	private void note(String sheet, String cell, int length, Origin origin) {
		String message = String.format("%s!%s: %sが%,d文字を超えたため切り詰めました(元の長さ %,d文字)", sheet, cell, origin.what(),
				Put.MAX_LENGTH, length);
		String files = list(origin.files());
		String departments = list(origin.departments());
		log.warn("{}{}", message, files.isEmpty() ? "" : " [" + files + "]");
		notices.add(new IssueRow(files, departments, origin.sheet(), origin.cell(), "警告", message));
	}

	/** The cut notices so far, in the order the cells were written. */
	List<IssueRow> notices() {
		return notices;
	}

	/** 「first characters…」, so a notice about a long text is never long itself. */
	static String quote(String text) {
		if (text == null) {
			return "「」";
		}
		String oneLine = text.replaceAll("\\s+", " ").strip();
		int end = oneLine.offsetByCodePoints(0, Math.min(QUOTE, oneLine.codePointCount(0, oneLine.length())));
		return "「" + oneLine.substring(0, end) + (end < oneLine.length() ? "…" : "") + "」";
	}

	private static String list(List<String> values) {
		List<String> distinct = new ArrayList<>(
				values.stream().filter(v -> v != null && !v.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new)));
		if (distinct.size() <= MAX_FILES) {
			return String.join("、", distinct);
		}
		return String.join("、", distinct.subList(0, MAX_FILES)) + " ほか" + (distinct.size() - MAX_FILES) + "件";
	}

}
