package jp.csr.review.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.csr.review.console.ExitCode;
import jp.csr.review.content.Medium;
import jp.csr.review.content.ReviewData;
import jp.csr.review.content.ReviewDataQuery;
import jp.csr.review.content.ReviewTable;
import jp.csr.review.judge.Judgements;
import jp.csr.review.office.DecisionBookWriter;
import jp.csr.review.plan.Plan;
import jp.csr.review.reviewbook.ReviewWorkbookWriter;
import jp.csr.review.reviewpdf.JapaneseFont;
import jp.csr.review.reviewpdf.ReviewPdf;
import jp.csr.review.store.ArchivedFiles;
import jp.csr.review.store.CandidateOutcomes;
import jp.csr.review.store.OfficeDecisions;
import jp.csr.review.store.Submissions;
import jp.csr.review.web.Board;
import jp.csr.review.web.WebPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The write step: renders the run's verdicts into the review workbook, its PDF, its web page and the office's workbook
 * ({@link Outputs}, two at a time) while it writes the annotated copies due ({@link AnswerTasklet}), then the status
 * board that links to them all, and records their paths and what it was built from ({@link ReviewFingerprints}: a
 * later night with nothing new keeps it).
 */
public class WriteTasklet implements Tasklet {

	/** The step's name, as the console and {@code status} show it. */
	public static final String STEP = "write";

	/** Key in the job's execution context under which the review's path is kept for the console. */
	public static final String REVIEW_PATH = "review.path";

	/** Key in the job's execution context: the PDF beside the review, when there is one. */
	public static final String PDF_PATH = "review.pdf.path";

	/** Key in the job's execution context: why there is no PDF, one line for the console. */
	public static final String PDF_SKIPPED = "review.pdf.skipped";

	private static final Logger log = LoggerFactory.getLogger(WriteTasklet.class);

	private final Plan plan;

	private final Path outputDir;

	private final JdbcClient jdbc;

	private final ZoneId zone;

	private final ReviewDataQuery query;

	private final WebPages web = new WebPages();

	private final ReviewFingerprints fingerprints;

	private final Clock clock;

	private final AnswerTasklet answers;

	public WriteTasklet(Plan plan, Path outputDir, JdbcClient jdbc, Submissions submissions, Judgements judgements,
			ZoneId zone, ReviewFingerprints fingerprints, Clock clock, ArchivedFiles archived) {
		this.plan = plan;
		this.outputDir = outputDir;
		this.jdbc = jdbc;
		this.zone = zone;
		this.query = new ReviewDataQuery(jdbc, submissions, judgements, zone);
		this.fingerprints = fingerprints;
		this.clock = clock;
		this.answers = new AnswerTasklet(plan, outputDir, zone, jdbc, archived);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		// one instant for what the review shows and what it is recorded as built from
		Instant now = clock.instant();
		Files.createDirectories(outputDir);
		ReviewData data = query.load(plan, jobExecution.getJobInstanceId(), fingerprints.deadlinePassed(plan, now));
		// the plan by the hash of the bytes it was parsed from (when this step began)
		String inputs = fingerprints.inputs(plan, now);
		// one table for both formats, so they cannot show different things; the PDF is printed, and joins the
		// term's months as print does
		ReviewTable table = ReviewTable.of(data);
		ReviewTable printed = table.in(Medium.PRINT, plan);
		Path reviewTarget = outputDir.resolve(ReviewWorkbookWriter.fileName(data.plan().term()));
		// what the files need of the store and the settings is read here, in the step's transaction
		Map<String, List<OfficeDecisions.RowComment>> comments = rowComments(data);
		JapaneseFont.Choice font = fingerprints.pdfFont();
		Path review;
		PdfOutcome pdfOutcome;
		Path page;
		Path decisions;
		try (Outputs outputs = Outputs.forRows(table.rowCount())) {
			// the longest first: the two threads end about together
			Outputs.Written<PdfOutcome> pdfWritten = outputs
				.start(() -> pdf(printed, outputDir.resolve(ReviewPdf.fileName(data.plan().term())), reviewTarget, font));
			Outputs.Written<Path> reviewWritten = outputs.start(() -> new ReviewWorkbookWriter().write(data, table, outputDir));
			Outputs.Written<Path> decisionsWritten = outputs
				.start(() -> new DecisionBookWriter().write(data, comments, outputDir));
			Outputs.Written<Path> pageWritten = outputs.start(() -> timed("web page", () -> web.writePage(printed,
					WebPages.pageBeside(reviewTarget))));
			// feedback beside the review (PRODUCT.md §3, §6), meanwhile on this thread: it reads and updates the store
			// in the step's transaction, and its workbooks are made on threads of its own
			answers.answer(jobExecution.getJobInstanceId());
			outputs.awaitAll();
			review = reviewWritten.get();
			pdfOutcome = pdfWritten.get();
			page = pageWritten.get();
			decisions = decisionsWritten.get();
		}
		pdfOutcome(jobExecution.getExecutionContext(), pdfOutcome.pdf(), pdfOutcome.skipped());
		Path pdf = pdfOutcome.pdf();
		jobExecution.getExecutionContext().putString(REVIEW_PATH, review.toString());
		// after the copies, which it links to
		CandidateOutcomes outcomes = CandidateOutcomes.of(jdbc, jobExecution.getJobInstanceId());
		Board.Run run = Board.Run.of(jobExecution.getId(), now.atZone(zone), outcomes.line(),
				outcomes.someNotAccepted() ? ExitCode.REJECTED : ExitCode.OK);
		Path board = timed("status board", () -> web.writeBoard(data, run, review, pdf, page));
		fingerprints.written(review, pdf, inputs, jobExecution.getId(), page, board, decisions);
		contribution.incrementWriteCount(1);
		return RepeatStatus.FINISHED;
	}

	/** PRODUCT.md §11: the row comments that came with each department's decision in force, prefilled again. */
	private Map<String, List<OfficeDecisions.RowComment>> rowComments(ReviewData data) {
		OfficeDecisions office = new OfficeDecisions(jdbc);
		Map<String, OfficeDecisions.Decision> newest = office.newest(plan.term());
		Map<String, List<OfficeDecisions.RowComment>> comments = new HashMap<>();
		for (ReviewData.DepartmentStatus d : data.departments()) {
			OfficeDecisions.Decision decision = newest.get(d.code());
			if (decision != null && decision.isAbout(d.sha256())) {
				comments.put(d.code(), office.rowComments(decision));
			}
		}
		return comments;
	}

	/** The PDF written, or null and why there is none (one line for the console). */
	private record PdfOutcome(Path pdf, String skipped) {
	}

	/**
	 * The PDF beside the review, or none: nothing about the PDF fails the night (PRODUCT.md §6), the console
	 * says in one line why there is none. A PDF of an earlier review is removed then: beside the workbook it
	 * would be read as this one.
	 */
	private static PdfOutcome pdf(ReviewTable table, Path target, Path review, JapaneseFont.Choice font) {
		String skipped = font.problem();
		if (font.usable()) {
			try {
				return new PdfOutcome(new ReviewPdf().write(table, target, font), null);
			}
			catch (IOException | RuntimeException ex) {
				log.debug("PDF", ex);
				String message = ex.getMessage() == null ? "" : ": " + String.join(" ", ex.getMessage().strip().lines().toList());
				skipped = "作成できませんでした (" + ex.getClass().getSimpleName() + message + ")。振り返りブックは書きました";
			}
		}
		try {
			Files.deleteIfExists(ReviewPdf.beside(review));
		}
		catch (IOException ex) {
			log.debug("PDF of an earlier review", ex);
		}
		return new PdfOutcome(null, skipped);
	}

	/** What the web pages add to the night, for the benchmark's breakdown (README, Scale). */
	private static Path timed(String what, Outputs.Output<Path> output) throws IOException {
		long start = System.nanoTime();
		Path written = output.write();
		log.debug("{}: {} ms", what, (System.nanoTime() - start) / 1_000_000);
		return written;
	}

	/** The PDF of a review a quiet night kept: it was checked with the review ({@link ReviewFingerprints}). */
	static void keptPdf(ExecutionContext context, ReviewFingerprints fingerprints, Path review) {
		JapaneseFont.Choice font = fingerprints.pdfFont();
		pdfOutcome(context, font.usable() ? ReviewPdf.beside(review) : null, font.problem());
	}

	private static void pdfOutcome(ExecutionContext context, Path pdf, String skipped) {
		// a restart brings the context of the execution it restarts
		context.remove(PDF_PATH);
		context.remove(PDF_SKIPPED);
		if (pdf != null) {
			context.putString(PDF_PATH, pdf.toString());
		}
		else {
			context.putString(PDF_SKIPPED, skipped);
		}
	}

}
