package jp.csr.review.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.csr.review.scan.Candidate;
import jp.csr.review.scan.Candidates;
import jp.csr.review.scan.Candidates.Settled;
import jp.csr.review.scan.SetAside;
import jp.csr.review.store.Archive;
import jp.csr.review.store.ArchivedFiles;
import jp.csr.review.store.StoreTime;
import jp.csr.review.validation.Issue;
import jp.csr.review.validation.Submission;
import jp.csr.review.validation.Validation;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The load step's writer: the checked files of a chunk, in scan order, each with its issues and (when
 * accepted) every value, and every candidate's outcome, in the chunk's transaction. A file is therefore
 * loaded whole or not at all, and settled exactly when it is loaded.
 * <p>
 * Each file's {@code submission_file} row is inserted at once (its id keys the rest, and the duplicate guard
 * of the next files must see it); its values, its issues and the outcomes wait for the end of the chunk, to
 * go in as one JDBC batch per table.
 */
class SubmissionLoader implements ItemWriter<Checked> {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Archive archive;

	private final ArchivedFiles archived;

	private final Candidates candidates;

	private final int term;

	/**
	 * @param term the run's plan's 期: every file of the run belongs to that term, a rejected one too (its cover
	 *        may say another 期, or nothing readable), so that each term's 差戻し are its own
	 */
	SubmissionLoader(JdbcClient jdbc, JdbcTemplate batch, Archive archive, ArchivedFiles archived,
			Candidates candidates, int term) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.archive = archive;
		this.archived = archived;
		this.candidates = candidates;
		this.term = term;
	}

	@Override
	public void write(Chunk<? extends Checked> chunk) throws Exception {
		Rows rows = new Rows();
		List<Settled> settled = new ArrayList<>(chunk.size());
		for (Checked checked : chunk) {
			settled.add(load(checked, rows));
		}
		rows.insert();
		candidates.settle(settled);
	}

	private Settled load(Checked checked, Rows rows) throws IOException {
		if (checked.isSetAside()) {
			return Settled.setAside(checked.candidate(), checked.setAside());
		}
		// the guard of submission_file.sha256 UNIQUE: whatever brought these bytes in since the check (a
		// copy earlier in the same chunk, checked at the same time as this one), a duplicate is skipped,
		// never a failed step; the oldest copy, first in scan order, is the one taken
		Optional<SetAside> duplicate = candidates.duplicate(checked.candidate());
		if (duplicate.isPresent()) {
			archive.discard(checked.staged());
			return Settled.setAside(checked.candidate(), duplicate.get());
		}
		Validation validation = checked.validation();
		ArchivedFiles.ArchivedFile kept = new ArchivedFiles.ArchivedFile(checked.staged().sha256(),
				checked.candidate().path().getFileName().toString(), validation.accepted());
		// the row first, then its bytes (which on PostgreSQL reference it), in the same transaction
		long fileId = insertFile(checked.candidate(), validation, archived.reference(kept));
		archived.keep(checked.staged(), kept);
		rows.issues(fileId, validation);
		if (validation.accepted()) {
			rows.values(fileId, validation.submission());
		}
		return Settled.loaded(checked.candidate(), validation.accepted(), fileId);
	}

	private long insertFile(Candidate c, Validation v, String archivePath) {
		Submission.Cover cover = v.accepted() ? v.submission().cover() : null;
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO submission_file (sha256, file_name, original_path, size, modified_at, job_instance_id, status,
				  term, department_code, submitted_by, submitted_on, late, errors, warnings, archive_path, loaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.sha256(), c.path().getFileName().toString(), c.path().toString(), c.size(),
					StoreTime.text(c.modifiedAt()), c.jobInstanceId(), v.accepted() ? "ACCEPTED" : "REJECTED",
					term, v.departmentCode().isEmpty() ? null : v.departmentCode(),
					cover == null ? null : cover.submitter(),
					cover == null || cover.submittedOn() == null ? null : cover.submittedOn().toString(), v.late() ? 1 : 0,
					v.errors(), v.warnings(), archivePath, StoreTime.text(Instant.now()))
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** The rows of a chunk's files waiting for their batch, one list per table. */
	private final class Rows {

		private final List<Object[]> issues = new ArrayList<>();

		private final List<Object[]> kpis = new ArrayList<>();

		private final List<Object[]> initiatives = new ArrayList<>();

		private final List<Object[]> highlights = new ArrayList<>();

		void issues(long fileId, Validation v) {
			int seq = 0;
			for (Issue issue : v.issues()) {
				issues.add(new Object[] { fileId, ++seq, issue.severity().name(), issue.sheet(), issue.cell(),
						issue.message() });
			}
		}

		void values(long fileId, Submission s) {
			for (Submission.KpiEntry k : s.kpis()) {
				kpis.add(new Object[] { fileId, k.kpiId(), k.value(), plain(k.number()), k.display(), k.note(), k.cell() });
			}
			for (Submission.InitiativeEntry i : s.initiatives()) {
				initiatives.add(new Object[] { fileId, i.initiativeId(), i.progress(), plain(i.percent()), i.declared(),
						i.note(), i.cell() });
			}
			int seq = 0;
			for (Submission.HighlightEntry h : s.highlights()) {
				highlights.add(new Object[] { fileId, ++seq, h.commitment(), h.text(), h.cell() });
			}
		}

		/** One prepared statement per table and chunk, after every file's own row. */
		void insert() {
			batch("INSERT INTO validation_issue (file_id, seq, severity, sheet, cell, message) VALUES (?, ?, ?, ?, ?, ?)",
					issues);
			batch("INSERT INTO kpi_result (file_id, kpi_id, value, number, display, note, cell) VALUES (?, ?, ?, ?, ?, ?, ?)",
					kpis);
			batch("""
					INSERT INTO initiative_result (file_id, initiative_id, progress, percent, declared, note, cell)
					VALUES (?, ?, ?, ?, ?, ?, ?)""", initiatives);
			batch("INSERT INTO highlight (file_id, seq, commitment, text, cell) VALUES (?, ?, ?, ?, ?)", highlights);
		}

		private void batch(String sql, List<Object[]> rows) {
			if (!rows.isEmpty()) {
				batch.batchUpdate(sql, rows);
			}
		}

	}

	private static String plain(BigDecimal n) {
		return n == null ? null : n.toPlainString();
	}

}
