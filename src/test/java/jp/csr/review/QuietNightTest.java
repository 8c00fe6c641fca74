package jp.csr.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import jp.csr.review.feedback.Drops;
import jp.csr.review.testing.SharedStoreToo;
import jp.csr.review.write.AnswerTasklet;
import jp.csr.review.write.ReviewDecider;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quiet night: a run with nothing new since the review on disk was written leaves it as it is
 * (not judged, not written, not touched), while still writing an annotated copy that went missing. Anything the
 * review depends on that changed makes the run write it again: a new file, the plan, the review deleted or
 * edited, a 提出期限 that has passed.
 */
@SpringBootTest
@SharedStoreToo
class QuietNightTest {

	static final Path ROOT = SampleFolders.planOnly("quiet-night");

	static final Path PLAN = ROOT.resolve("plan.xlsx");

	static final Path INPUT = ROOT.resolve("input");

	static final Path REVIEW = ROOT.resolve("output/53期_行動計画振り返り.xlsx");

	static final Path RISK_COPY = ROOT.resolve("output/差戻し/RISK/53期_RISK_リスク管理部.xlsx");

	static final LocalDate DEADLINE = LocalDate.of(2025, 10, 31);

	/** Noon of the deadline day in Tokyo: it has not passed. */
	static final Instant DEADLINE_DAY = Instant.parse("2025-10-31T03:00:00Z");

	/** Midnight after it in Tokyo: it has passed. */
	static final Instant DAY_AFTER = Instant.parse("2025-10-31T15:00:00Z");

	static final Instant RECEIVED = Instant.parse("2025-10-10T08:00:00Z");

	static {
		editPlan(wb -> {
			Sheet overview = wb.getSheet("概要");
			Row row = overview.createRow(overview.getLastRowNum() + 1);
			row.createCell(0).setCellValue("提出期限");
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy/mm/dd"));
			row.createCell(1).setCellValue(DEADLINE);
			row.getCell(1).setCellStyle(date);
		});
	}

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	/** A clock the test moves: what the review shows of the date is its business. */
	static final class TestClock extends Clock {

		private volatile Instant now;

		TestClock(Instant now) {
			this.now = now;
		}

		void set(Instant instant) {
			now = instant;
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock(DEADLINE_DAY);
		}

	}

	@Autowired
	ConsolidationRuns runs;

	@Autowired
	TestClock clock;

	@Test
	void aNightWithNothingNewKeepsTheReviewAndAnythingItDependsOnWritesItAgain() throws Exception {
		// ---- night 1: ISEC accepted, RISK rejected; the others have sent nothing, the deadline has not passed ----
		drop("ISEC", "53期_ISEC_情報セキュリティ部.xlsx", wb -> {
		});
		drop("RISK", "53期_RISK_リスク管理部.xlsx", wb -> Drops.cell(wb, "KPI!F2").setCellValue("完了"));
		JobExecution first = run();
		assertThat(steps(first)).containsExactly("scan", "load", "office", "judge", "write");
		assertThat(RISK_COPY).isRegularFile();
		assertThat(late("AD")).isEqualTo("いいえ");

		// ---- night 2: nothing new: judge and write do not run, the review is not touched ----
		OnDisk written = OnDisk.of(REVIEW);
		JobExecution quiet = run();
		assertThat(steps(quiet)).containsExactly("scan", "load", "office", AnswerTasklet.STEP);
		assertThat(quiet.getExecutionContext().getLong(ReviewDecider.UNCHANGED_SINCE)).isEqualTo(first.getId());
		assertThat(OnDisk.of(REVIEW)).isEqualTo(written);

		// ---- night 3: RISK's annotated copy was deleted: written again, the review still kept ----
		Files.delete(RISK_COPY);
		assertThat(steps(run())).containsExactly("scan", "load", "office", AnswerTasklet.STEP);
		assertThat(RISK_COPY).isRegularFile();
		assertThat(OnDisk.of(REVIEW)).isEqualTo(written);

		// ---- night 4: the review was deleted ----
		Files.delete(REVIEW);
		assertThat(steps(run())).containsExactly("scan", "load", "office", "judge", "write");
		assertThat(REVIEW).isRegularFile();

		// ---- night 5: the review was edited, its size and time put back: its bytes tell ----
		written = OnDisk.of(REVIEW);
		byte[] edited = written.bytes().clone();
		edited[edited.length / 2] ^= 1;
		Files.write(REVIEW, edited);
		Files.setLastModifiedTime(REVIEW, written.modified());
		assertThat(steps(run())).contains("write");
		assertThat(Files.readAllBytes(REVIEW)).isNotEqualTo(edited);
		assertThat(late("AD")).as("the review opens again").isEqualTo("いいえ");

		// ---- night 6: a new file ----
		drop("COMP", "53期_COMP_コンプライアンス推進部.xlsx", wb -> {
		});
		assertThat(steps(run())).contains("write");
		assertThat(review().row("提出状況", "部署コード", "COMP").get("状態")).isEqualTo("受理");

		// ---- night 7: the plan was edited ----
		editPlan(wb -> wb.getSheet("概要").getRow(0).getCell(1).setCellValue("マイナビグループ改訂版"));
		assertThat(steps(run())).contains("write");
		assertThat(title()).contains("マイナビグループ改訂版");
		written = OnDisk.of(REVIEW);
		assertThat(steps(run())).as("and kept the night after").doesNotContain("write");

		// ---- night 8: the deadline passed: AD, with nothing sent, is now late ----
		clock.set(DAY_AFTER);
		assertThat(steps(run())).contains("write");
		assertThat(late("AD")).isEqualTo("はい");
		assertThat(late("ISEC")).isEqualTo("いいえ");
		written = OnDisk.of(REVIEW);
		clock.set(DAY_AFTER.plusSeconds(86_400));
		assertThat(steps(run())).as("a later day changes nothing more").doesNotContain("write");
		assertThat(OnDisk.of(REVIEW)).isEqualTo(written);

		// ---- night 9: AD is rejected with a warning. 検証結果 shows both, found by that night; the next night
		// has nothing new and keeps that review as it is ----
		drop("AD", "53期_AD_広告審査部.xlsx", wb -> {
			Drops.cell(wb, "KPI!F2").setCellValue("おおむね良好");
			Drops.cell(wb, "KPI!J1").setCellValue("メモ");
		});
		assertThat(steps(run())).contains("write");
		assertThat(issueCells()).contains("KPI!F2", "KPI!J1");
		written = OnDisk.of(REVIEW);
		assertThat(steps(run())).doesNotContain("write");
		assertThat(OnDisk.of(REVIEW)).isEqualTo(written);
	}

	/** The review file as a reader and a backup tool see it. */
	record OnDisk(byte[] bytes, FileTime modified) {

		static OnDisk of(Path path) throws IOException {
			return new OnDisk(Files.readAllBytes(path), Files.getLastModifiedTime(path));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof OnDisk f && java.util.Arrays.equals(bytes, f.bytes) && modified.equals(f.modified);
		}

		@Override
		public int hashCode() {
			return java.util.Arrays.hashCode(bytes);
		}

		@Override
		public String toString() {
			return bytes.length + " bytes, modified " + modified;
		}

	}

	private JobExecution run() throws Exception {
		JobExecution execution = runs.start();
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		return execution;
	}

	private static List<String> steps(JobExecution execution) {
		return execution.getStepExecutions().stream().map(StepExecution::getStepName).toList();
	}

	private static ReviewWorkbook review() throws IOException {
		return ReviewWorkbook.open(REVIEW);
	}

	private static String late(String department) throws IOException {
		return review().row("提出状況", "部署コード", department).get("期限超過");
	}

	private static List<String> issueCells() throws IOException {
		return review().table("検証結果").stream().map(r -> r.get("シート") + "!" + r.get("セル")).toList();
	}

	private static String title() throws IOException {
		try (InputStream in = Files.newInputStream(REVIEW); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			return wb.getSheet("振り返り").getRow(0).getCell(0).getStringCellValue();
		}
	}

	private static void drop(String department, String name, Consumer<XSSFWorkbook> change) {
		Drops.drop(INPUT, department, name, change, RECEIVED);
	}

	private static void editPlan(Consumer<XSSFWorkbook> change) {
		try {
			XSSFWorkbook wb;
			try (InputStream in = Files.newInputStream(PLAN)) {
				wb = new XSSFWorkbook(in);
			}
			try (wb; OutputStream out = Files.newOutputStream(PLAN)) {
				change.accept(wb);
				wb.write(out);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
