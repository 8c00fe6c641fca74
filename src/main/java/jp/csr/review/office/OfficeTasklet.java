package jp.csr.review.office;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.csr.review.plan.Plan;
import jp.csr.review.store.OfficeDecisions;
import jp.csr.review.store.OfficeDecisions.Decision;
import jp.csr.review.store.OfficeDecisions.Issue;
import jp.csr.review.store.Submissions;
import jp.csr.review.store.Submissions.StoredFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The office step (PRODUCT.md §11), between load and judge: reads every workbook of {@code review.office-dir}
 * (never modifying one), records each decision and row comment it holds once, and says on the console what it read,
 * what it could not apply and why. One transaction: a run killed here has recorded all of it or nothing, and the
 * restart reads the folder again. Nothing here fails the night but the store.
 */
public class OfficeTasklet implements Tasklet {

	/** The step's name, as the console and {@code status} show it. */
	public static final String STEP = "office";

	private static final Logger log = LoggerFactory.getLogger(OfficeTasklet.class);

	private final Plan plan;

	private final Path folder;

	private final OfficeDecisions decisions;

	private final Submissions submissions;

	public OfficeTasklet(Plan plan, Path folder, OfficeDecisions decisions, Submissions submissions) {
		this.plan = plan;
		this.folder = folder;
		this.decisions = decisions;
		this.submissions = submissions;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		long run = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
		List<Issue> issues = new ArrayList<>();
		StringBuilder read = new StringBuilder();
		DecisionBookReader reader = new DecisionBookReader(plan);
		for (Path file : workbooks()) {
			String name = folder.relativize(file).toString();
			byte[] bytes;
			Instant modified;
			try {
				modified = Files.getLastModifiedTime(file).toInstant();
				bytes = Files.readAllBytes(file);
			}
			catch (NoSuchFileException ex) {
				continue;
			}
			catch (IOException ex) {
				log.debug("office workbook {}", file, ex);
				Issue unreadable = new Issue(name, "", "", "", "エラー", "読み込めませんでした (" + ex.getClass().getSimpleName() + ")");
				issues.add(unreadable);
				print(unreadable);
				continue;
			}
			contribution.incrementReadCount();
			String sha256 = sha256(bytes);
			read.append(name).append(' ').append(sha256).append('\n');
			DecisionBookReader.Reading reading = reader.read(name, bytes, sha256, modified);
			int fresh = 0;
			for (Decision d : reading.decisions()) {
				if (decisions.record(plan.term(), d, run)) {
					fresh++;
				}
			}
			reading.comments().forEach(c -> decisions.record(plan.term(), c));
			contribution.incrementWriteCount(fresh);
			log.info("事務局確認 {}  確認 {}件 (新規 {}件)  指摘 {}件  問題 {}件", name, reading.decisions().size(), fresh,
					reading.comments().size(), reading.issues().size());
			reading.issues().forEach(OfficeTasklet::print);
			issues.addAll(reading.issues());
		}
		issues.addAll(stale());
		decisions.found(run, plan.term(), issues, read.toString());
		return RepeatStatus.FINISHED;
	}

	/**
	 * PRODUCT.md §11: a department whose newest decision is about a file other than the one in use (it has sent a
	 * newer one since) is 未確認 again.
	 */
	private List<Issue> stale() {
		Map<String, StoredFile> inUse = submissions.inUse(plan.term());
		List<Issue> stale = new ArrayList<>();
		decisions.newest(plan.term()).forEach((code, d) -> {
			StoredFile file = inUse.get(code);
			if (plan.department(code).isPresent() && file != null && !d.isAbout(file.sha256())) {
				Issue issue = new Issue(d.workbookName(), code, d.sheet(), d.cell(), "警告", "部署 " + code + " の「"
						+ d.decision() + "」は " + d.about() + " について。新しい提出があるため適用しません (使用中: "
						+ file.fileName() + " " + file.sha256().substring(0, DecisionBook.SHA_PREFIX) + ")");
				stale.add(issue);
				print(issue);
			}
		});
		return stale;
	}

	private static void print(Issue issue) {
		String where = issue.sheet().isEmpty() ? "" : issue.sheet() + (issue.cell().isEmpty() ? "" : "!" + issue.cell()) + ": ";
		log.info("           {} {}{}", issue.workbookName(), where, issue.message());
	}

	/** The office's workbooks, oldest first; lock, hidden and temporary files are not the office's. */
	private List<Path> workbooks() throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile)
				.filter(f -> {
					String name = f.getFileName().toString();
					String lower = name.toLowerCase(java.util.Locale.ROOT);
					return !name.startsWith("~$") && !name.startsWith(".")
							&& (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls"));
				})
				.sorted(Comparator.comparing(Path::toString))
				.toList();
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
