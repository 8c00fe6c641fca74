package jp.csr.review.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import jp.csr.review.config.Build;
import jp.csr.review.config.ReviewProperties;
import jp.csr.review.judge.Judgements;
import jp.csr.review.office.DecisionBook;
import jp.csr.review.plan.Plan;
import jp.csr.review.plan.PlanCache;
import jp.csr.review.reviewbook.ReviewWorkbookWriter;
import jp.csr.review.reviewpdf.JapaneseFont;
import jp.csr.review.reviewpdf.ReviewPdf;
import jp.csr.review.store.OfficeDecisions;
import jp.csr.review.web.WebPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a review on disk was built from, so that a night with nothing new can leave it as it is. A
 * review may be kept when everything it depends on is as it was when it was written, and the file is the one
 * written:
 * <ul>
 * <li>the store's files of the review's term and of the previous term (whose results are baselines and
 * 前期比較), by id, status and SHA-256: a file loaded for either changes it, a file of another term does not
 * (a run of 54期 leaves the 53期 review as it is); and the run whose verdicts of the previous term 前期比較
 * shows; nothing else of the store changes without one of these;
 * <li>the plan, by the SHA-256 of the bytes it was parsed from;
 * <li>the settings that change the output: {@code review.marks}, {@code review.zone} (the review's path, so
 * {@code review.output-dir} and the term, is the record's key);
 * <li>the date, as far as the review shows it: whether the plan's 提出期限 has passed (提出状況's 期限超過 of a
 * department with no accepted file);
 * <li>the build: a new version of the product writes the review again;
 * <li>the PDF's font ({@code review.pdf.font} or the one found on the system, by file, size and time; or none);
 * <li>the file: its size, modification time and SHA-256 as written, so a review deleted, edited or replaced
 * is written again; and so the PDF beside it, recorded the same way, whenever there is a font to write one
 * with: a PDF missing or changed writes both again (a night's PDF that failed is tried again the next night);
 * and the web page, the status board and the office's decision workbook beside it, always;
 * <li>the office's decisions recorded for the term, and the workbooks its folder held (PRODUCT.md §11).
 * </ul>
 * Anything that cannot be established counts as changed: writing again is always safe.
 * <p>
 * A kept review's 検証結果 is the one of the run that wrote it (PRODUCT.md §6: what that run found and what
 * was open): a night with nothing new has found nothing, and what is open depends on the store's files alone.
 * It may still list what that run found that is no longer open (the warnings of a file it rejected), with when
 * it was found; the next review written drops it.
 */
final class ReviewFingerprints {

	private static final Logger log = LoggerFactory.getLogger(ReviewFingerprints.class);

	private final JdbcClient jdbc;

	private final ReviewProperties properties;

	private final String build = Build.id();

	/** Looked for once per run (each run has its own fingerprints): the decider and the write step agree. */
	private JapaneseFont.Choice pdfFont;

	/** Tells the hash of the bytes a plan was parsed from. */
	private final PlanCache plans;

	ReviewFingerprints(JdbcClient jdbc, ReviewProperties properties, PlanCache plans) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.plans = plans;
	}

	/** The review of a plan's term, as the write step names it and the console prints it. */
	public Path review(Plan plan) {
		return properties.outputDir().resolve(ReviewWorkbookWriter.fileName(plan.term()));
	}

	/** PRODUCT.md §3: late is after the end of the 提出期限 day in the configured zone. */
	public boolean deadlinePassed(Plan plan, Instant now) {
		return plan.isLate(now, properties.zone());
	}

	/**
	 * The fingerprint of what a review of {@code plan} written now depends on.
	 */
	public String inputs(Plan plan, Instant now) throws IOException {
		Digest digest = new Digest();
		jdbc.sql("SELECT id, status, sha256 FROM submission_file WHERE term IN (?, ?) ORDER BY id")
			.params(plan.term(), plan.term() - 1)
			.query(rs -> {
				digest.put(rs.getString(1)).put(rs.getString(2)).put(rs.getString(3));
			});
		digest.put("previous term judged by")
			.put(jdbc.sql(Judgements.LATEST_RUN)
				.params(plan.term() - 1, plan.group())
				.query(String.class)
				.optional()
				.orElse(null));
		// the bytes the plan was parsed from, not the file as it is now: a plan saved since is another plan
		String parsed = plans.sha256(plan);
		digest.put("plan").put(parsed != null ? parsed : sha256(properties.plan()));
		// sorted: a map of settings need not iterate in a stable order
		digest.put("marks").put(new TreeMap<>(properties.marks()).toString());
		digest.put("zone").put(properties.zone().getId());
		digest.put("deadline passed").put(String.valueOf(deadlinePassed(plan, now)));
		digest.put("build").put(build);
		digest.put("pdf font").put(pdfFont().identity());
		// PRODUCT.md §11: the office's decisions and the workbooks it read them from
		digest.put("office").put(new OfficeDecisions(jdbc).fingerprint(plan.term()));
		return digest.hex();
	}

	/** The font the PDF is written with, or why there is none. */
	JapaneseFont.Choice pdfFont() {
		if (pdfFont == null) {
			long start = System.nanoTime();
			pdfFont = JapaneseFont.find(properties.pdf().font());
			log.debug("PDF font: {} {} ({} ms)", pdfFont.file(), pdfFont.member(), (System.nanoTime() - start) / 1_000_000);
		}
		return pdfFont;
	}

	/**
	 * Records the review just written, the PDF beside it (null: none was written), its web page and the status
	 * board, and what they were built from. Part of the write step's transaction.
	 */
	public void written(Path review, Path pdf, String inputs, long jobExecutionId, Path page, Path board,
			Path decisions) throws IOException {
		record(review, inputs, jobExecutionId);
		record(decisions, inputs, jobExecutionId);
		record(page, inputs, jobExecutionId);
		record(board, inputs, jobExecutionId);
		if (pdf != null) {
			record(pdf, inputs, jobExecutionId);
		}
		else {
			jdbc.sql("DELETE FROM review_fingerprint WHERE review_path = ?").param(key(ReviewPdf.beside(review))).update();
		}
	}

	private void record(Path review, String inputs, long jobExecutionId) throws IOException {
		Stamp stamp = Stamp.of(review);
		jdbc.sql("""
				INSERT INTO review_fingerprint
				  (review_path, inputs, size, modified_at, sha256, job_execution_id, written_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (review_path) DO UPDATE SET inputs = excluded.inputs, size = excluded.size,
				  modified_at = excluded.modified_at, sha256 = excluded.sha256,
				  job_execution_id = excluded.job_execution_id, written_at = excluded.written_at""")
			.params(key(review), inputs, stamp.size(), stamp.modified(), stamp.sha256(), jobExecutionId,
					Instant.now().toString())
			.update();
	}

	/**
	 * The run that wrote the review, when it was built from exactly these inputs and the file on disk is the
	 * one it wrote; empty when it must be written again.
	 */
	public Optional<Long> unchangedSince(Path review, String inputs) throws IOException {
		Optional<Long> since = unchanged(review, inputs);
		if (since.isPresent() && pdfFont().usable()
				&& !unchanged(ReviewPdf.beside(review), inputs).equals(since)) {
			return Optional.empty();
		}
		for (Path page : List.of(WebPages.pageBeside(review), WebPages.boardBeside(review), DecisionBook.beside(review))) {
			if (since.isPresent() && !unchanged(page, inputs).equals(since)) {
				return Optional.empty();
			}
		}
		return since;
	}

	private Optional<Long> unchanged(Path review, String inputs) throws IOException {
		Optional<Written> written = jdbc.sql("""
				SELECT inputs, size, modified_at, sha256, job_execution_id FROM review_fingerprint WHERE review_path = ?""")
			.param(key(review))
			.query((rs, n) -> new Written(rs.getString(1), new Stamp(rs.getLong(2), rs.getLong(3), rs.getString(4)),
					rs.getLong(5)))
			.optional();
		if (written.isEmpty() || !written.get().inputs().equals(inputs)) {
			return Optional.empty();
		}
		Stamp recorded = written.get().stamp();
		try {
			// size and time first: reading the file is needed only when they match
			if (Files.size(review) != recorded.size()
					|| Files.getLastModifiedTime(review).toMillis() != recorded.modified()
					|| !sha256(review).equals(recorded.sha256())) {
				return Optional.empty();
			}
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		return Optional.of(written.get().jobExecutionId());
	}

	private record Written(String inputs, Stamp stamp, long jobExecutionId) {
	}

	private record Stamp(long size, long modified, String sha256) {

		static Stamp of(Path file) throws IOException {
			return new Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis(), ReviewFingerprints.sha256(file));
		}

	}

	/** One row per review file, whatever form the configured output folder was given in. */
	private static String key(Path review) {
		return review.toAbsolutePath().normalize().toString();
	}

	private static String sha256(Path file) throws IOException {
		MessageDigest digest = sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Values fed length first, so that no two different sequences of values give the same bytes. */
	private static final class Digest {

		private final MessageDigest digest = sha256();

		Digest put(String value) {
			if (value == null) {
				digest.update(new byte[] { -1 });
				return this;
			}
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
			digest.update(bytes);
			return this;
		}

		String hex() {
			return HexFormat.of().formatHex(digest.digest());
		}

	}

}
