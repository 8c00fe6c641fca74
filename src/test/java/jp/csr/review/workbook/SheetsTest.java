package jp.csr.review.workbook;

import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Sheets read one at a time, by name, read as the whole workbook reads. */
class SheetsTest {

	@TempDir
	Path dir;

	@Test
	void eachSheetIsReadWhenAskedForAsTheWholeWorkbookReadsIt() throws Exception {
		String rows = "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>%s</t></is></c></row></sheetData>";
		Path file = new RawXlsx().sheet("概要", rows.formatted("a")).sheet("ＫＰＩ", rows.formatted("b"))
			.sheet("KPI", rows.formatted("c"))
			.write(dir.resolve("plain.xlsx"));
		try (Sheets sheets = WorkbookOpener.streaming().sheets(file)) {
			assertThat(ReadBothWays.describe(List.of(sheets.named("KPI").orElseThrow())))
				.as("the first sheet of that normalised name, as Grid.named gives it")
				.isEqualTo(ReadBothWays.describe(List.of(Grid.named(WorkbookOpener.streaming().whole(file), "KPI").orElseThrow())))
				.containsValue(new CellRead("ＫＰＩ", "A1", "b", null, false, null));
			assertThat(sheets.named("取り組み")).isEmpty();
		}
	}

	@Test
	void aSheetTheStreamCannotReadIsReadByTheUsermodel() throws Exception {
		// rows out of order: only the usermodel knows how it reads them
		Path file = new RawXlsx().sheet("概要", "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>")
			.sheet("KPI", "<sheetData><row r=\"3\"><c r=\"A3\"><v>3</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v></c></row>"
					+ "</sheetData>")
			.write(dir.resolve("odd.xlsx"));
		try (Sheets sheets = WorkbookOpener.streaming().sheets(file)) {
			assertThat(sheets.named("概要").orElseThrow().cell(0, 0).text()).isEqualTo("1");
			Grid kpi = sheets.named("KPI").orElseThrow();
			try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
				assertThat(ReadBothWays.describe(List.of(kpi)))
					.isEqualTo(ReadBothWays.describe(List.of(Grid.named(Grids.of(workbook), "KPI").orElseThrow())));
			}
			assertThat(kpi.rows()).containsExactly(1, 2);
		}
	}

}
