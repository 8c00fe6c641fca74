package jp.csr.review.content;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jp.csr.review.judge.Judgements;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import jp.csr.review.store.Submissions;
import jp.csr.review.store.Submissions.DepartmentState;
import jp.csr.review.store.Submissions.StoredFile;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Gathers a run's {@link ReviewData} from the store: the judge step's verdicts and the versions in use. */
public class ReviewDataQuery {

	/** No file has this id: keeps an IN list from being empty. */
	private static final long NONE = -1;

	/** An issue still open whatever run found it: a warning of a file in use, an error of a newest rejected file. */
	private static final String OPEN = """
			((i.severity = 'WARNING' AND f.id IN (:inUse)) OR (i.severity = 'ERROR' AND f.id IN (:rejected)))""";

	private final JdbcClient jdbc;

	private final Submissions submissions;

	private final Judgements judgements;

	private final ZoneId zone;

	public ReviewDataQuery(JdbcClient jdbc, Submissions submissions, Judgements judgements, ZoneId zone) {
		this.jdbc = jdbc;
		this.submissions = submissions;
		this.judgements = judgements;
		this.zone = zone;
	}

	/** @param deadlinePassed whether the plan's 提出期限 has passed: a department with no accepted file is then late */
	public ReviewData load(Plan plan, long jobInstanceId, boolean deadlinePassed) {
		Map<Long, StoredFile> files = new HashMap<>();
		Map<String, StoredFile> inUse = submissions.inUse(plan.term());
		inUse.values().forEach(f -> files.put(f.id(), f));

		Map<String, ReviewData.KpiStatus> kpis = new LinkedHashMap<>();
		judgements.kpis(jobInstanceId).forEach((id, k) -> kpis.put(id, new ReviewData.KpiStatus(k.outcome(), k.value(),
				k.baseline(), k.baselineSource(), k.rate(), k.resultLine(), source(files, k.fileId(), k.cell()))));
		Map<String, ReviewData.InitiativeStatus> initiatives = new LinkedHashMap<>();
		judgements.marks(jobInstanceId).forEach((id, m) -> initiatives.put(id, new ReviewData.InitiativeStatus(m.mark(),
				m.progress(), blankToNull(m.declared()), source(files, m.fileId(), m.cell()))));

		Map<String, List<ReviewData.Highlight>> highlights = new LinkedHashMap<>();
		for (Department department : plan.departments()) {
			StoredFile file = inUse.get(department.code());
			if (file != null) {
				submissions.highlights(file.id())
					.forEach(h -> highlights.computeIfAbsent(h.commitment(), c -> new ArrayList<>())
						.add(new ReviewData.Highlight(department.code(), h.text() == null ? "" : h.text(),
								source(files, h.fileId(), h.cell()))));
			}
		}
		Map<String, DepartmentState> states = submissions.states(plan.term(),
				plan.departments().stream().map(Department::code).toList());
		List<ReviewData.DepartmentStatus> departments = plan.departments().stream()
			.map(d -> status(d, states.get(d.code()), deadlinePassed))
			.toList();
		// PRODUCT.md §6: what is still open whatever this run found, so a quiet night shows why a department
		// was sent back: the warnings of the files in use, the errors of each newest file that was rejected
		List<Long> inUseFiles = new ArrayList<>(List.of(NONE));
		List<Long> rejectedFiles = new ArrayList<>(List.of(NONE));
		states.values().forEach(s -> {
			if (s.inUse() != null) {
				inUseFiles.add(s.inUse().id());
			}
			if (s.isRejected()) {
				rejectedFiles.add(s.rejected().id());
			}
		});
		return new ReviewData(plan, kpis, initiatives, highlights, departments,
				sink -> issues(jobInstanceId, inUseFiles, rejectedFiles, sink), previousTerm(plan, jobInstanceId));
	}

	/**
	 * PRODUCT.md §6, 前期比較: the verdicts of the run that last judged the previous term of the same group,
	 * and the numbers of this run's 実績. Two queries, whatever the number of KPIs.
	 */
	private ReviewData.PreviousTerm previousTerm(Plan plan, long jobInstanceId) {
		int term = plan.term() - 1;
		Map<String, ReviewData.PastKpi> past = new LinkedHashMap<>();
		judgements.latestRun(term, plan.group())
			.ifPresent(run -> judgements.pastKpis(run).forEach((id, k) -> past.put(id,
					new ReviewData.PastKpi(k.materiality(), k.outcome(), k.value(), k.number()))));
		if (past.isEmpty()) {
			return null;
		}
		Map<String, BigDecimal> numbers = new HashMap<>();
		judgements.pastKpis(jobInstanceId).forEach((id, k) -> {
			if (k.number() != null) {
				numbers.put(id, k.number());
			}
		});
		return new ReviewData.PreviousTerm(term, past, numbers);
	}

	/** PRODUCT.md §6: a department with no accepted file is late once the deadline has passed. */
	private ReviewData.DepartmentStatus status(Department d, DepartmentState s, boolean deadlinePassed) {
		StoredFile shown = s.inUse();
		StoredFile counted = s.isRejected() ? s.rejected() : shown;
		return new ReviewData.DepartmentStatus(d.code(), d.name(), s.state(), shown == null ? null : shown.fileName(),
				shown == null ? null : shown.modifiedAt().atZone(zone).toOffsetDateTime(),
				shown == null ? null : shown.submittedBy(), shown == null ? null : shown.submittedOn(),
				shown != null ? shown.late() : deadlinePassed, counted == null ? 0 : counted.errors(),
				counted == null ? 0 : counted.warnings(), s.isRejected() ? s.rejected().fileName() : null);
	}

	/**
	 * Streamed straight from the store: the issue rows can be many. Each issue once, files in the order of
	 * versions, each file's issues in the order found.
	 */
	private void issues(long jobInstanceId, List<Long> inUseFiles, List<Long> rejectedFiles,
			Consumer<ReviewData.IssueRow> sink) {
		jdbc.sql("""
				SELECT f.file_name, COALESCE(f.department_code, ''), i.sheet, i.cell, i.severity, i.message,
				       COALESCE(f.loaded_at, f.modified_at)
				FROM validation_issue i JOIN submission_file f ON f.id = i.file_id
				WHERE f.job_instance_id = :run OR %s
				ORDER BY %s, i.seq""".formatted(OPEN, Submissions.OLDEST_FIRST)) // only submission_file has these columns
			.param("run", jobInstanceId)
			.param("inUse", inUseFiles)
			.param("rejected", rejectedFiles)
			.query(rs -> {
				sink.accept(new ReviewData.IssueRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						"ERROR".equals(rs.getString(5)) ? "エラー" : "警告", rs.getString(6), foundAt(rs.getString(7))));
			});
		// PRODUCT.md §2: a file of the drop that is no workbook is answered 対象外, with no department to send back
		jdbc.sql("SELECT path, note, modified_at FROM scan_candidate WHERE job_instance_id = ? AND outcome = 'OUT_OF_SCOPE' ORDER BY seq")
			.param(jobInstanceId)
			.query(rs -> {
				sink.accept(new ReviewData.IssueRow(Path.of(rs.getString(1)).getFileName().toString(), "", "", "", "対象外",
						rs.getString(2), foundAt(rs.getString(3))));
			});
	}

	/** When the file was taken (rows loaded before loaded_at existed: when it was received), in the zone. */
	private LocalDateTime foundAt(String instant) {
		return instant == null ? null : Instant.parse(instant).atZone(zone).toLocalDateTime();
	}

	private static ReviewData.Source source(Map<Long, StoredFile> files, Long fileId, String cell) {
		if (fileId == null || cell == null || !files.containsKey(fileId)) {
			return null;
		}
		StoredFile f = files.get(fileId);
		return new ReviewData.Source(f.fileName(), f.sha256(), cell);
	}

	private static String blankToNull(String s) {
		return s == null || s.isEmpty() ? null : s;
	}

}
