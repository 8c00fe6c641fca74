package jp.csr.review;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import jp.csr.review.feedback.AnnotatedCopies;
import jp.csr.review.feedback.AnnotatedCopyWriter;
import jp.csr.review.nextterm.NextTerm;
import jp.csr.review.nextterm.PlanWriter;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.template.TemplateWriter;
import jp.csr.review.testing.OoxmlSchema;
import jp.csr.review.testing.ReviewProcesses.Folders;
import jp.csr.review.testing.ReviewProcesses.Result;
import jp.csr.review.validation.Issue;
import jp.csr.review.validation.Severity;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every workbook the product writes is valid OOXML, part by part against the ECMA-376 schemas: Excel repairs a
 * colour of six hex digits without a word, stricter readers paint such a fill black or white.
 */
class WrittenWorkbooksAreSchemaValidTest {

	@TempDir
	Path temp;

	@Test
	void theReviewAndTheAnnotatedCopiesOfANightAreSchemaValid() throws Exception {
		Folders f = Folders.in(temp);
		broken("ISEC", f.input().resolve("53期_ISEC_情報セキュリティ部_修正.xlsx"), XSSFWorkbookType.XLSX);
		broken("AD", f.input().resolve("53期_AD_広告審査部_修正.xlsm"), XSSFWorkbookType.XLSM);
		Path libreOffice = savedByLibreOfficeFromAnXls("RISK", f.input().resolve("53期_RISK_リスク管理部_修正.xlsx"));

		Result night = f.run("run");

		assertThat(night.exit()).as(night.output()).isEqualTo(3);
		Path copies = f.output().resolve(AnnotatedCopies.FOLDER);
		assertValid(f.review());
		assertValid(f.output().resolve("53期_事務局確認.xlsx"));
		assertValid(copies.resolve("ISEC/53期_ISEC_情報セキュリティ部_修正.xlsx"));
		assertValid(copies.resolve("AD/53期_AD_広告審査部_修正.xlsm"));
		if (libreOffice != null) {
			assertValid(copies.resolve("RISK/53期_RISK_リスク管理部_修正.xlsx"));
		}
	}

	@Test
	void aCopyHoldingOnlyTheListIsSchemaValid() throws IOException {
		Path original = temp.resolve("stored.xlsx");
		try (XSSFWorkbook wb = SampleWorkbooks.filled("ISEC")) {
			Sheet own = wb.createSheet("生データ");
			for (int r = 0; r <= 10_000; r++) {
				own.createRow(r).createCell(0).setCellValue("-");
			}
			SampleWorkbooks.saveAs(wb, original);
		}
		Path copy = temp.resolve("差戻し/ISEC/53期_ISEC_情報セキュリティ部.xlsx");
		List<Issue> issues = List.of(new Issue(Severity.ERROR, copy.getFileName().toString(), "生データ", "",
				"シート「生データ」の値の入った行が上限の10,000行を超えています"));

		assertThat(new AnnotatedCopyWriter().write(original, issues, copy)).isTrue();

		assertValid(copy);
	}

	@Test
	void theCopyOfAFileMadeFromAnEarlierTemplateIsSchemaValid() throws IOException {
		Path made = temp.resolve("made.xlsx");
		broken("ISEC", made, XSSFWorkbookType.XLSX);
		// earlier builds wrote the template's colours in six hex digits
		Path original = temp.resolve("stored.xlsx");
		try (ZipFile zip = new ZipFile(made.toFile()); OutputStream out = Files.newOutputStream(original);
				ZipOutputStream copy = new ZipOutputStream(out)) {
			for (ZipEntry entry : zip.stream().toList()) {
				copy.putNextEntry(new ZipEntry(entry.getName()));
				byte[] bytes = zip.getInputStream(entry).readAllBytes();
				if (entry.getName().equals("xl/styles.xml")) {
					bytes = new String(bytes, StandardCharsets.UTF_8).replaceAll("rgb=\"FF([0-9A-F]{6})\"", "rgb=\"$1\"")
						.getBytes(StandardCharsets.UTF_8);
				}
				copy.write(bytes);
				copy.closeEntry();
			}
		}
		assertThat(OoxmlSchema.errors(original)).as("an earlier template's colours").isNotEmpty();
		Path copy = temp.resolve("差戻し/ISEC/53期_ISEC_情報セキュリティ部.xlsx");
		List<Issue> issues = List.of(new Issue(Severity.ERROR, copy.getFileName().toString(), "KPI", "F2",
				"実績「1.5件」は件数として読めません"));

		assertThat(new AnnotatedCopyWriter().write(original, issues, copy)).isTrue();

		assertValid(copy);
	}

	@Test
	void everyTemplateIsSchemaValid() throws IOException {
		Plan plan = SampleWorkbooks.plan();
		for (Department d : plan.departments()) {
			Path file = temp.resolve(TemplateWriter.fileName(plan, d));
			new TemplateWriter("").write(plan, d, file);
			assertValid(file);
		}
	}

	@Test
	void theNextTermsPlanIsSchemaValid() throws IOException {
		Plan next = NextTerm.of(SampleWorkbooks.plan(), Map.of("K06", new BigDecimal("98.4")), Map.of("I01", "◎"));
		assertValid(new PlanWriter().write(next, temp.resolve("54期_行動計画.xlsx")));
	}

	private static void assertValid(Path workbook) throws IOException {
		assertThat(workbook).isRegularFile();
		assertThat(OoxmlSchema.covered(workbook)).as("parts the schemas cover in " + workbook).isGreaterThan(2);
		assertThat(OoxmlSchema.errors(workbook)).as(workbook.toString()).isEmpty();
	}

	/** A department's sample with a count of 1.5: rejected. */
	private static void broken(String department, Path file, XSSFWorkbookType type) throws IOException {
		try (XSSFWorkbook wb = SampleWorkbooks.filled(department)) {
			wb.getSheet("KPI").getRow(1).getCell(5).setCellValue("1.5件");
			wb.setWorkbookType(type);
			SampleWorkbooks.saveAs(wb, file);
		}
	}

	/**
	 * A department's rejected file as it comes when an .xls is saved again as .xlsx by LibreOffice: styles of
	 * another writer's making. Null, with no file, where LibreOffice is missing.
	 */
	private Path savedByLibreOfficeFromAnXls(String department, Path file) throws Exception {
		Path work = Files.createDirectories(temp.resolve("soffice"));
		Path xls = work.resolve(file.getFileName().toString().replace(".xlsx", ".xls"));
		try (XSSFWorkbook wb = SampleWorkbooks.filled(department)) {
			wb.getSheet("KPI").getRow(1).getCell(5).setCellValue("1.5件");
			try (HSSFWorkbook old = SampleWorkbooks.toXls(wb); OutputStream out = Files.newOutputStream(xls)) {
				old.write(out);
			}
		}
		Process soffice;
		try {
			soffice = new ProcessBuilder("soffice", "-env:UserInstallation=file://" + work.resolve("profile"),
					"--headless", "--convert-to", "xlsx", "--outdir", work.toString(), xls.toString())
				.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		}
		catch (IOException ex) {
			Assumptions.abort("LibreOffice is not installed: " + ex.getMessage());
			return null;
		}
		Path converted = work.resolve(file.getFileName());
		if (!soffice.waitFor(120, TimeUnit.SECONDS) || !Files.isRegularFile(converted)) {
			soffice.destroyForcibly();
			return null;
		}
		Files.move(converted, file);
		return file;
	}

}
