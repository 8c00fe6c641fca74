package jp.csr.review.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.csr.review.store.ArchivedFiles;
import jp.csr.review.store.Submissions;
import jp.csr.review.validation.Issue;
import jp.csr.review.validation.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the annotated copies beside the review: {@code <output>/差戻し/<部署コード or 部署不明>/<file name>}, made
 * from the rejected bytes kept in the store ({@link ArchivedFiles}: on PostgreSQL any host has them), never
 * from the input folder.
 *
 * <p>PRODUCT.md §6: the copy of a department's newest rejected file stays until a newer file of that
 * department is accepted. A copy that could not be written (a crash, a full disk, someone deleted it) is
 * written again by the next run while its file is still the department's newest; {@code answered_at} says
 * when it was last written.
 *
 * <p>Nothing a submission says may name a path outside {@code <output>/差戻し/}: the folder is the
 * department's code only when the plan knows it and it is a plain name, the file name is sanitised.
 */
public final class AnnotatedCopies {

	private static final Logger log = LoggerFactory.getLogger(AnnotatedCopies.class);

	/** Folder under the output folder. */
	public static final String FOLDER = "差戻し";

	/** Folder of a file whose 部署コード could not be read, is not the plan's, or cannot be a folder name. */
	public static final String UNKNOWN_DEPARTMENT = "部署不明";

	/**
	 * Per term and department (any code stored, known or not), its files from newest to oldest, {@code age} 1
	 * being the newest (the order of versions of PRODUCT.md §3), and the age of its newest accepted file: a
	 * rejected file older than that is settled. Per term: a department's 53期 file sent back stays open
	 * whatever it sends for 54期, as the 53期 review still shows it 差戻し.
	 */
	private static final String AGES = """
			WITH ranked AS (
			  SELECT id, term, department_code, status,
			         ROW_NUMBER() OVER (PARTITION BY term, department_code ORDER BY %s) AS age
			  FROM submission_file WHERE department_code IS NOT NULL),
			accepted AS (
			  SELECT term, department_code, MIN(age) AS age FROM ranked WHERE status = 'ACCEPTED'
			  GROUP BY term, department_code)
			""".formatted(Submissions.NEWEST_FIRST);

	/** The columns {@link #rejected} reads, of {@code submission_file f} joined to {@code ranked r}, {@code accepted a}. */
	private static final String REJECTED_COLUMNS = """
			f.id, f.job_instance_id, f.file_name, f.department_code, f.sha256, f.answered_at,
			CASE WHEN r.age > a.age THEN 1 ELSE 0 END AS settled,
			CASE WHEN f.loaded_at IS NULL THEN 1 ELSE 0 END AS unrecorded""";

	private final JdbcClient jdbc;

	private final ArchivedFiles archived;

	private final Set<String> departments;

	private final AnnotatedCopyWriter writer = new AnnotatedCopyWriter();

	/** @param departments the plan's department codes: only these get a folder of their own */
	public AnnotatedCopies(JdbcClient jdbc, ArchivedFiles archived, Collection<String> departments) {
		this.jdbc = jdbc;
		this.archived = archived;
		this.departments = Set.copyOf(departments);
	}

	/**
	 * Where the copy of a rejected file goes: {@code <output>/差戻し/<folder>/<safe name>}, never anywhere
	 * else whatever the submission says.
	 *
	 * @param departments the plan's department codes: only these get a folder of their own
	 */
	public static Path target(Path outputDir, Collection<String> departments, String departmentCode, String fileName) {
		return CopyPlaces.target(outputDir, departments, departmentCode, fileName);
	}

	/** The folder the copies of a department of the plan go to. */
	public static Path departmentFolder(Path outputDir, String departmentCode) {
		return outputDir.resolve(FOLDER).resolve(CopyPlaces.folder(departmentCode));
	}

	static String safeName(String fileName) {
		return CopyPlaces.safeName(fileName);
	}

	/** {@code a, b} as {@code f.a, f.b}: the order of versions, over the file table of a join. */
	private static String prefixed(String order) {
		return "f." + order.replace(", ", ", f.");
	}

	private Path target(Path outputDir, Rejected file) {
		return target(outputDir, departments, file.departmentCode(), file.fileName());
	}

	/**
	 * @param settled whether a newer file of its department was accepted
	 * @param unrecorded loaded by a build that wrote its copy in the run that rejected it but did not record it
	 *        (neither {@code loaded_at} nor {@code answered_at} existed yet)
	 */
	private record Rejected(long id, long jobInstanceId, String fileName, String departmentCode, String sha256,
			String answeredAt, boolean settled, boolean unrecorded) {

		ArchivedFiles.ArchivedFile archived() {
			return new ArchivedFiles.ArchivedFile(sha256, fileName, false);
		}

	}

	private static Rejected rejected(ResultSet rs, int row) throws SQLException {
		return new Rejected(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getBoolean(7), rs.getBoolean(8));
	}

	/**
	 * Writes the copies due, oldest first (so of two same-named files of a department, the newer one's copy
	 * is left): of every file this job instance rejected, unless a newer file of its department was accepted
	 * meanwhile; and of every department's newest file when it is rejected and its copy was never written or
	 * is gone. Sets {@code answered_at} of each copy written.
	 *
	 * @return per submission_file id, the copy written; files that cannot be opened have none
	 */
	public Map<Long, Path> write(long jobInstanceId, Path outputDir) {
		List<Rejected> due = jdbc.sql(AGES + """
				SELECT %s FROM submission_file f
				LEFT JOIN ranked r ON r.id = f.id
				LEFT JOIN accepted a ON a.term = f.term AND a.department_code = f.department_code
				WHERE f.status = 'REJECTED' AND (f.job_instance_id = ? OR r.age = 1)
				ORDER BY %s""".formatted(REJECTED_COLUMNS, prefixed(Submissions.OLDEST_FIRST)))
			.param(jobInstanceId)
			.query(AnnotatedCopies::rejected)
			.list();
		// the store is read and updated on this thread (the step's transaction); only the workbooks are made on
		// several: a large night rejects a hundred files, and each copy opens its workbook whole
		Map<Path, List<Due>> byTarget = new LinkedHashMap<>();
		for (Rejected file : due) {
			Path target;
			try {
				target = target(outputDir, file);
			}
			catch (RuntimeException ex) {
				// names are logged sanitised: a line break in a file name must not forge a log line
				log.error("{} の注記付きの写しを書きません: {}", safeName(file.fileName()), ex.getMessage());
				continue;
			}
			boolean thisRun = file.jobInstanceId() == jobInstanceId;
			boolean written = file.answeredAt() != null || file.unrecorded();
			if (file.settled() || !thisRun && written && Files.isRegularFile(target)) {
				continue;
			}
			if (!archived.exists(file.archived())) {
				noOriginal(file);
				continue;
			}
			byTarget.computeIfAbsent(target, t -> new ArrayList<>())
				.add(new Due(file, target, thisRun, shown(file), tally(file)));
		}
		Map<Long, Path> written = new LinkedHashMap<>();
		for (Due copy : writeAll(byTarget.values())) {
			written.put(copy.file().id(), copy.target());
			jdbc.sql("UPDATE submission_file SET answered_at = ? WHERE id = ?")
				.params(Instant.now().toString(), copy.file().id())
				.update();
			if (!copy.thisRun()) {
				log.info("前回書けなかった注記付きの写しを書きました: {}", copy.target());
			}
		}
		return written;
	}

	/** A copy to write, with what it shows. */
	private record Due(Rejected file, Path target, boolean thisRun, List<Issue> shown,
			AnnotatedCopyWriter.Tally tally) {
	}

	/**
	 * Writes the copies, those of one target one after the other (oldest first: the newest is left), different
	 * targets at once on one thread per processor.
	 *
	 * @return the copies written, in the order given
	 */
	private List<Due> writeAll(Collection<List<Due>> byTarget) {
		int threads = Math.min(byTarget.size(), Runtime.getRuntime().availableProcessors());
		if (threads == 0) {
			return List.of();
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
			Thread thread = new Thread(runnable, "copy");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<List<Due>>> futures = new ArrayList<>();
			for (List<Due> copies : byTarget) {
				futures.add(pool.submit(() -> copies.stream().filter(this::write).toList()));
			}
			List<Due> written = new ArrayList<>();
			for (Future<List<Due>> future : futures) {
				written.addAll(future.get());
			}
			return written;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("注記付きの写しの作成が中断されました", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private boolean write(Due copy) {
		// on PostgreSQL the bytes come to a local file one copy at a time, on the thread that annotates it
		try (ArchivedFiles.Local original = archived.local(copy.file().archived()).orElse(null)) {
			if (original == null) {
				noOriginal(copy.file());
				return false;
			}
			return writer.write(original.path(), copy.shown(), copy.tally(), copy.target());
		}
		catch (Exception | OutOfMemoryError | StackOverflowError ex) {
			// the review matters more than one copy: report it and go on; the next run tries again. Errors too: one
			// workbook exhausting this thread's stack or the heap must not fail the step night after night
			log.warn("{} の注記付きの写しを書けませんでした: {}", safeName(copy.file().fileName()), ex.toString(), ex);
			return false;
		}
	}

	private void noOriginal(Rejected file) {
		log.warn("差し戻したファイル {} の保管コピーがないため、注記付きの写しを作れません ({})", safeName(file.fileName()),
				archived.where(file.archived()));
	}

	/**
	 * PRODUCT.md §10, upgrades: the copies earlier builds left where this one does not put them (an unknown
	 * department's under its own code, {@link CopyPlaces#earlier}). The copy of a file still open is moved to its
	 * place unless one is there, and is not written again; any other goes, and its folder once empty. A place this
	 * build uses for a stored file is never touched.
	 *
	 * @return the copies moved, old place to new
	 */
	public Map<Path, Path> moveEarlier(Path outputDir) {
		List<Rejected> files = jdbc.sql(AGES + """
				SELECT %s FROM submission_file f
				LEFT JOIN ranked r ON r.id = f.id
				LEFT JOIN accepted a ON a.term = f.term AND a.department_code = f.department_code
				WHERE f.status = 'REJECTED' ORDER BY %s""".formatted(REJECTED_COLUMNS, prefixed(Submissions.NEWEST_FIRST)))
			.query(AnnotatedCopies::rejected)
			.list();
		Set<Path> current = new HashSet<>();
		files.forEach(f -> current.add(target(outputDir, f)));
		Map<Path, Path> moved = new LinkedHashMap<>();
		for (Rejected file : files) {
			Path target = target(outputDir, file);
			for (Path earlier : CopyPlaces.earlier(outputDir, departments, file.departmentCode(), file.fileName())) {
				if (current.contains(earlier) || !Files.isRegularFile(earlier, LinkOption.NOFOLLOW_LINKS)) {
					continue;
				}
				try {
					if (!file.settled() && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
						Files.createDirectories(target.getParent());
						Files.move(earlier, target);
						moved.put(earlier, target);
						log.info("以前の版が書いた注記付きの写しを移しました: {} → {}", earlier, target);
					}
					else {
						Files.delete(earlier);
						log.info("以前の版が書いた注記付きの写しを削除しました: {}", earlier);
					}
				}
				catch (IOException ex) {
					log.warn("以前の版が書いた注記付きの写し {} を移せませんでした: {}", earlier, ex.toString());
					continue;
				}
				CopyPlaces.removeIfEmpty(earlier.getParent());
			}
		}
		return moved;
	}

	/**
	 * Removes the copies of rejected files a newer accepted file of their department has settled: a copy
	 * left beside the review would be sent back by mistake. A path an open answer still uses (a department
	 * that re-sent a file under the same name) is kept.
	 *
	 * @return the copies removed
	 */
	public List<Path> removeSettled(Path outputDir) {
		// the settled ones, and the newest rejected ones whose paths stay in use
		List<Rejected> files = jdbc.sql(AGES + """
				SELECT %s FROM ranked r JOIN submission_file f ON f.id = r.id
				LEFT JOIN accepted a ON a.term = r.term AND a.department_code = r.department_code
				WHERE r.status = 'REJECTED' AND (r.age = 1 OR r.age > a.age)""".formatted(REJECTED_COLUMNS))
			.query(AnnotatedCopies::rejected)
			.list();
		Set<Path> open = new HashSet<>();
		files.stream().filter(f -> !f.settled()).forEach(f -> open.add(target(outputDir, f)));
		List<Path> removed = new ArrayList<>();
		for (Rejected file : files) {
			if (!file.settled()) {
				continue;
			}
			Path copy = target(outputDir, file);
			if (open.contains(copy)) {
				continue;
			}
			try {
				if (Files.deleteIfExists(copy)) {
					removed.add(copy);
					CopyPlaces.removeIfEmpty(copy.getParent());
				}
			}
			catch (IOException ex) {
				log.warn("受理済みの部署の注記付きの写し {} を削除できませんでした: {}", copy, ex.toString());
			}
		}
		return removed;
	}

	/** The issues the copy shows (errors first), never more: a file may have a million. */
	private List<Issue> shown(Rejected file) {
		return jdbc.sql("""
				SELECT severity, sheet, cell, message FROM validation_issue WHERE file_id = ?
				ORDER BY severity = 'ERROR' DESC, seq LIMIT ?""")
			.params(file.id(), AnnotatedCopyWriter.MAX_SHOWN)
			.query((rs, n) -> new Issue(Severity.valueOf(rs.getString(1)), file.fileName(), nz(rs.getString(2)),
					nz(rs.getString(3)), rs.getString(4)))
			.list();
	}

	private AnnotatedCopyWriter.Tally tally(Rejected file) {
		return jdbc.sql("""
				SELECT COUNT(CASE WHEN severity = 'ERROR' THEN 1 END), COUNT(CASE WHEN severity = 'WARNING' THEN 1 END)
				FROM validation_issue WHERE file_id = ?""")
			.param(file.id())
			.query((rs, n) -> new AnnotatedCopyWriter.Tally(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
