package jp.csr.review.store;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.csr.review.intake.Candidate;
import jp.csr.review.intake.Candidates;
import jp.csr.review.intake.SetAside;
import jp.csr.review.validation.Checked;
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
 * The load step's writer: one checked file, its issues and (when accepted) every value, with the
 * candidate's outcome, in the chunk's transaction. A file is therefore loaded whole or not at all.
 */
public class SubmissionLoader implements ItemWriter<Checked> {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Archive archive;

	private final Candidates candidates;

	public SubmissionLoader(JdbcClient jdbc, JdbcTemplate batch, Archive archive, Candidates candidates) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.archive = archive;
		this.candidates = candidates;
	}

	@Override
	public void write(Chunk<? extends Checked> chunk) throws Exception {
		for (Checked checked : chunk) {
			if (checked.isSetAside()) {
				candidates.settle(checked.candidate(), checked.setAside());
				continue;
			}
			// the guard of submission_file.sha256 UNIQUE: whatever brought these bytes in since the check (a
			// copy earlier in the same chunk, say), a duplicate is skipped, never a failed step
			Optional<SetAside> duplicate = candidates.duplicate(checked.candidate());
			if (duplicate.isPresent()) {
				archive.discard(checked.staged());
				candidates.settle(checked.candidate(), duplicate.get());
				continue;
			}
			Validation validation = checked.validation();
			// the move is idempotent: a rollback after it leaves the bytes where a retry puts them again
			Path kept = archive.keep(checked.staged(), validation.accepted());
			long fileId = insertFile(checked.candidate(), validation, kept);
			insertIssues(fileId, validation);
			if (validation.accepted()) {
				insertValues(fileId, validation.submission());
			}
			candidates.settle(checked.candidate(), validation.accepted() ? "ACCEPTED" : "REJECTED", fileId);
		}
	}

	private long insertFile(Candidate c, Validation v, Path kept) {
		Submission.Cover cover = v.accepted() ? v.submission().cover() : null;
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO submission_file (sha256, file_name, original_path, size, modified_at, job_instance_id, status,
				  term, department_code, submitted_by, submitted_on, late, errors, warnings, archive_path, loaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.sha256(), c.path().getFileName().toString(), c.path().toString(), c.size(),
					c.modifiedAt().toString(), c.jobInstanceId(), v.accepted() ? "ACCEPTED" : "REJECTED",
					cover == null ? null : cover.term(), v.departmentCode().isEmpty() ? null : v.departmentCode(),
					cover == null ? null : cover.submitter(),
					cover == null || cover.submittedOn() == null ? null : cover.submittedOn().toString(), v.late() ? 1 : 0,
					v.errors(), v.warnings(), kept.toString(), Instant.now().toString())
			.update(key, "id");
		return key.getKey().longValue();
	}

	private void insertIssues(long fileId, Validation v) {
		List<Object[]> rows = new ArrayList<>();
		for (Issue issue : v.issues()) {
			rows.add(new Object[] { fileId, rows.size() + 1, issue.severity().name(), issue.sheet(), issue.cell(),
					issue.message() });
		}
		batch("INSERT INTO validation_issue (file_id, seq, severity, sheet, cell, message) VALUES (?, ?, ?, ?, ?, ?)", rows);
	}

	private void insertValues(long fileId, Submission s) {
		batch("INSERT INTO kpi_result (file_id, kpi_id, value, number, display, note, cell) VALUES (?, ?, ?, ?, ?, ?, ?)",
				s.kpis().stream()
					.map(k -> new Object[] { fileId, k.kpiId(), k.value(), plain(k.number()), k.display(), k.note(), k.cell() })
					.toList());
		batch("""
				INSERT INTO initiative_result (file_id, initiative_id, progress, percent, declared, note, cell)
				VALUES (?, ?, ?, ?, ?, ?, ?)""",
				s.initiatives().stream()
					.map(i -> new Object[] { fileId, i.initiativeId(), i.progress(), plain(i.percent()), i.declared(), i.note(),
							i.cell() })
					.toList());
		List<Object[]> highlights = new ArrayList<>();
		for (Submission.HighlightEntry h : s.highlights()) {
			highlights.add(new Object[] { fileId, highlights.size() + 1, h.commitment(), h.text(), h.cell() });
		}
		batch("INSERT INTO highlight (file_id, seq, commitment, text, cell) VALUES (?, ?, ?, ?, ?)", highlights);
	}

	/** One prepared statement per table and file, in the chunk's transaction. */
	private void batch(String sql, List<Object[]> rows) {
		if (!rows.isEmpty()) {
			batch.batchUpdate(sql, rows);
		}
	}

	private static String plain(BigDecimal n) {
		return n == null ? null : n.toPlainString();
	}

}
