package jp.csr.review.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.csr.review.feedback.OfficeCopyWriter.OfficeComments;
import jp.csr.review.feedback.OfficeCopyWriter.RowNote;
import jp.csr.review.store.ArchivedFiles;
import jp.csr.review.store.OfficeDecisions;
import jp.csr.review.store.OfficeDecisions.Decision;
import jp.csr.review.store.OfficeDecisions.RowComment;
import jp.csr.review.store.Submissions;
import jp.csr.review.store.Submissions.DepartmentState;
import jp.csr.review.store.Submissions.StoredFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The copies of the files the office sent back (PRODUCT.md §11, 差戻し (事務局)), beside the department's other
 * copies: {@code <output>/差戻し/<部署コード>/<name>_事務局差戻し.xlsx}, made from the accepted bytes in the store.
 *
 * <p>Written once per decision: again only when the copy is gone or older than the run that recorded the decision
 * in force (a later 差戻し with other comments). A copy goes once its department is no longer sent back by the
 * office (it sent a newer file, or the office approved), unless the path is a rejected file's copy.
 */
public final class OfficeCopies {

	private static final Logger log = LoggerFactory.getLogger(OfficeCopies.class);

	/** What the copy's name adds to the file's own. */
	public static final String SUFFIX = "_事務局差戻し";

	private final JdbcClient jdbc;

	private final ArchivedFiles archived;

	private final int term;

	private final List<String> departments;

	private final OfficeDecisions decisions;

	private final Submissions submissions;

	/** @param departments the plan's department codes */
	public OfficeCopies(JdbcClient jdbc, ArchivedFiles archived, int term, Collection<String> departments) {
		this.jdbc = jdbc;
		this.archived = archived;
		this.term = term;
		this.departments = List.copyOf(departments);
		this.decisions = new OfficeDecisions(jdbc);
		this.submissions = new Submissions(jdbc);
	}

	/**
	 * A department the office sent back: its file in use, the decision, and its row comments.
	 *
	 * @param target where its copy goes
	 */
	public record SentBack(String departmentCode, StoredFile inUse, Decision decision, List<RowComment> rows,
			Path target) {
	}

	/** {@code 53期_PRIV.xlsx} → {@code 53期_PRIV_事務局差戻し.xlsx}. */
	static String copyName(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot <= 0 ? fileName + SUFFIX : fileName.substring(0, dot) + SUFFIX + fileName.substring(dot);
	}

	private Path target(Path outputDir, String code, String fileName) {
		return CopyPlaces.target(outputDir, departments, code, copyName(fileName));
	}

	/**
	 * The departments whose state is 差戻し (事務局), in the plan's order: the newest file accepted, and the newest
	 * decision, about that file, a 差戻し.
	 */
	public Map<String, SentBack> sentBack(Path outputDir) {
		Map<String, DepartmentState> states = submissions.states(term, departments);
		Map<String, Decision> newest = decisions.newest(term);
		Map<String, SentBack> sentBack = new LinkedHashMap<>();
		states.forEach((code, state) -> {
			Decision d = newest.get(code);
			StoredFile inUse = state.inUse();
			if (!state.isRejected() && inUse != null && d != null && d.isAbout(inUse.sha256())
					&& OfficeDecisions.SENT_BACK.equals(d.decision())) {
				sentBack.put(code, new SentBack(code, inUse, d, decisions.rowComments(d),
						target(outputDir, code, inUse.fileName())));
			}
		});
		return sentBack;
	}

	/** @return the copies written: those missing, or older than their decision */
	public List<Path> write(Path outputDir) {
		List<Path> written = new ArrayList<>();
		for (SentBack s : sentBack(outputDir).values()) {
			if (isCurrent(s)) {
				continue;
			}
			try {
				if (write(s)) {
					written.add(s.target());
				}
			}
			catch (IOException | RuntimeException ex) {
				// the review matters more than one copy: the next run tries again
				log.warn("{} の事務局差戻しの写しを書けませんでした: {}", s.target(), ex.toString(), ex);
			}
		}
		return written;
	}

	/** The copy for {@code remind}: written now when it is not there. */
	public Path ensure(SentBack s) throws IOException {
		if (!Files.isRegularFile(s.target()) && !write(s)) {
			throw new IOException("事務局差戻しの写しを作れませんでした: " + s.target());
		}
		return s.target();
	}

	private boolean write(SentBack s) throws IOException {
		ArchivedFiles.ArchivedFile file = ArchivedFiles.ArchivedFile.of(s.inUse().sha256(), s.inUse().fileName(),
				s.inUse().status());
		try (ArchivedFiles.Local original = archived.local(file).orElse(null)) {
			if (original == null) {
				log.warn("ファイル {} の保管コピーがないため、事務局差戻しの写しを作れません ({})", s.inUse().fileName(),
						archived.where(file));
				return false;
			}
			Files.createDirectories(s.target().getParent());
			OfficeComments comments = new OfficeComments(s.decision().comment(), s.decision().reviewer(),
					s.rows().stream().map(r -> new RowNote(r.itemId(), r.comment())).toList());
			return new OfficeCopyWriter().write(original.path(), comments, s.target());
		}
	}

	/** Written after the run that recorded the decision started: this decision's copy, not an earlier one's. */
	private boolean isCurrent(SentBack s) {
		try {
			if (!Files.isRegularFile(s.target())) {
				return false;
			}
			Instant written = Files.getLastModifiedTime(s.target()).toInstant();
			Instant recorded = recordedAt(s.decision());
			return recorded != null && !written.isBefore(recorded);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private Instant recordedAt(Decision d) {
		return jdbc.sql("""
				SELECT MIN(e.START_TIME) FROM office_decision o
				JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = o.job_instance_id
				WHERE o.workbook_sha256 = ? AND o.sheet = ? AND o.cell = ?""")
			.params(d.workbookSha256(), d.sheet(), d.cell())
			.query((rs, n) -> instant(rs.getObject(1), rs))
			.optional()
			.orElse(null);
	}

	private static Instant instant(Object value, ResultSet rs) throws SQLException {
		if (value == null) {
			return null;
		}
		if (value instanceof Number n) {
			return Instant.ofEpochMilli(n.longValue());
		}
		Timestamp t = rs.getTimestamp(1);
		return t == null ? null : t.toInstant();
	}

	/**
	 * Removes the copies of files the office sent back that are no longer: the department sent a newer file, or
	 * the office approved. A path a rejected file's copy of the department may use is left alone.
	 *
	 * @return the copies removed
	 */
	public List<Path> removeSettled(Path outputDir) {
		Set<Path> open = new HashSet<>();
		sentBack(outputDir).values().forEach(s -> open.add(s.target()));
		jdbc.sql("SELECT department_code, file_name FROM submission_file WHERE term = ? AND status = 'REJECTED'")
			.param(term)
			.query((rs, n) -> CopyPlaces.target(outputDir, departments, rs.getString(1), rs.getString(2)))
			.list()
			.forEach(open::add);
		List<Path> earlier = jdbc.sql("""
				SELECT DISTINCT f.department_code, f.file_name FROM office_decision d
				JOIN submission_file f ON f.term = d.term AND f.department_code = d.department_code
				  AND f.status = 'ACCEPTED' AND f.sha256 LIKE d.about_sha256 || '%'
				WHERE d.term = ? AND d.decision = ?""")
			.params(term, OfficeDecisions.SENT_BACK)
			.query((rs, n) -> target(outputDir, rs.getString(1), rs.getString(2)))
			.list();
		List<Path> removed = new ArrayList<>();
		for (Path copy : earlier) {
			if (open.contains(copy)) {
				continue;
			}
			try {
				if (Files.deleteIfExists(copy)) {
					removed.add(copy);
					log.info("事務局差戻しが解消した部署の写しを削除しました: {}", copy);
					CopyPlaces.removeIfEmpty(copy.getParent());
				}
			}
			catch (IOException ex) {
				log.warn("事務局差戻しの写し {} を削除できませんでした: {}", copy, ex.toString());
			}
		}
		return removed;
	}

}
