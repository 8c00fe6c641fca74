package jp.csr.review.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Consumer;

import jp.csr.review.plan.Plan;
import jp.csr.review.sample.SampleWorkbooks;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A department dropping its sample submission, changed, into an input folder, for tests that run the job. */
public final class Drops {

	private Drops() {
	}

	/**
	 * Saves {@code department}'s filled sample, after {@code change}, as {@code input/name} received at {@code at},
	 * replacing a file of that name as a department saving over its own does.
	 * Saved under a short name first and moved: a name of 250 bytes leaves no room for a temporary one beside it.
	 */
	public static void drop(Path input, String department, String name, Consumer<XSSFWorkbook> change, Instant at) {
		drop(input, SampleWorkbooks.plan(), department, name, change, at);
	}

	/** {@link #drop} of the template of another plan with the sample's IDs (the next term's, say). */
	public static void drop(Path input, Plan plan, String department, String name, Consumer<XSSFWorkbook> change,
			Instant at) {
		try (XSSFWorkbook wb = SampleWorkbooks.filled(plan, department)) {
			change.accept(wb);
			Path saved = Files.createTempFile(input.getParent(), "drop", ".xlsx");
			SampleWorkbooks.saveAs(wb, saved);
			Files.move(saved, input.resolve(name), StandardCopyOption.REPLACE_EXISTING);
			Files.setLastModifiedTime(input.resolve(name), FileTime.from(at));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The department deletes the row of a KPI (or an initiative) from a sheet: its ID in column A. */
	public static void removeRow(XSSFWorkbook wb, String sheetName, String id) {
		Sheet sheet = wb.getSheet(sheetName);
		for (Row row : sheet) {
			if (row.getRowNum() > 0 && id.equals(row.getCell(0).getStringCellValue())) {
				sheet.removeRow(row);
				return;
			}
		}
		throw new IllegalStateException(sheetName + " has no row of " + id);
	}

	/** The cell at {@code Sheet!A1}, created when missing. */
	public static Cell cell(XSSFWorkbook wb, String reference) {
		return AnnotatedCopyWriterTest.at(wb, reference);
	}

}
