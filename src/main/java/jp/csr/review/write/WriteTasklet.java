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
 * The write step: renders the run's verdicts into the review workbook, its PDF and its web page, records their paths and what it was built
 * from ({@link ReviewFingerprints}: a later night with nothing new keeps it), then writes the annotated copies
 * due ({@link AnswerTasklet}).
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
		Path review = new ReviewWorkbookWriter().write(data, table, outputDir);
		ReviewTable printed = table.in(Medium.PRINT, plan);
		Path pdf = pdf(printed, outputDir.resolve(ReviewPdf.fileName(data.plan().term())), review,
				jobExecution.getExecutionContext());
		long pageStart = System.nanoTime();
		Path page = web.writePage(printed, WebPages.pageBeside(review));
		long pageNanos = System.nanoTime() - pageStart;
		jobExecution.getExecutionContext().putString(REVIEW_PATH, review.toString());
		// feedback beside the review (PRODUCT.md §3, §6)
		answers.answer(jobExecution.getJobInstanceId());
		// after the copies, which it links to
		CandidateOutcomes outcomes = CandidateOutcomes.of(jdbc, jobExecution.getJobInstanceId());
		Board.Run run = Board.Run.of(jobExecution.getId(), now.atZone(zone), outcomes.line(),
				outcomes.someNotAccepted() ? ExitCode.REJECTED : ExitCode.OK);
		long boardStart = System.nanoTime();
		Path board = web.writeBoard(data, run, review, pdf, page);
		// what the web pages add to the night, for the benchmark's breakdown (README, Scale)
		log.debug("web pages: {} ms (page {} ms, board {} ms)", (pageNanos + System.nanoTime() - boardStart) / 1_000_000,
				pageNanos / 1_000_000, (System.nanoTime() - boardStart) / 1_000_000);
		Path decisions = new DecisionBookWriter().write(data, rowComments(data), outputDir);
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

	/**
	 * The PDF beside the review, or null: nothing about the PDF fails the night (PRODUCT.md §6), the console
	 * says in one line why there is none. A PDF of an earlier review is removed then: beside the workbook it
	 * would be read as this one.
	 */
	private Path pdf(ReviewTable table, Path target, Path review, ExecutionContext context) throws IOException {
		JapaneseFont.Choice font = fingerprints.pdfFont();
		String skipped = font.problem();
		if (font.usable()) {
			try {
				Path pdf = new ReviewPdf().write(table, target, font);
				pdfOutcome(context, pdf, null);
				return pdf;
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
		pdfOutcome(context, null, skipped);
		return null;
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
