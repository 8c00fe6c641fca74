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
import java.util.Set;
import java.util.function.Consumer;

import jp.csr.review.judge.Judgements;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import jp.csr.review.store.OfficeDecisions;
import jp.csr.review.store.Submissions;
import jp.csr.review.store.Submissions.DepartmentState;
import jp.csr.review.store.Submissions.StoredFile;
import jp.csr.review.validation.LateWarning;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Gathers a run's {@link ReviewData} from the store: the judge step's verdicts and the versions in use. */
public class ReviewDataQuery {

	/** PRODUCT.md §11: the state of a department whose accepted file the office sent back. */
	public static final String SENT_BACK_BY_OFFICE = "差戻し (事務局)";

	/** No file has this id: keeps an IN list from being empty. */
	private static final long NONE = -1;

	private final JdbcClient jdbc;

	private final Submissions submissions;

	private final Judgements judgements;

	private final ZoneId zone;

	private final OfficeDecisions office;

	public ReviewDataQuery(JdbcClient jdbc, Submissions submissions, Judgements judgements, ZoneId zone) {
		this.jdbc = jdbc;
		this.submissions = submissions;
		this.judgements = judgements;
		this.zone = zone;
		this.office = new OfficeDecisions(jdbc);
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
		Lateness lateness = new Lateness(plan, zone);
		Map<String, OfficeDecisions.Decision> decisions = office.newest(plan.term());
		List<ReviewData.DepartmentStatus> departments = plan.departments().stream()
			.map(d -> confirmed(status(d, states.get(d.code()), deadlinePassed, lateness), decisions.get(d.code())))
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
				sink -> {
					issues(jobInstanceId, inUseFiles, rejectedFiles, lateness, sink);
					// PRODUCT.md §11: what the run found in the office's workbooks
					office.issues(jobInstanceId).forEach(i -> sink.accept(new ReviewData.IssueRow(i.workbookName(),
							i.department(), i.sheet(), i.cell(), i.severity(), i.message())));
				}, previousTerm(plan, jobInstanceId));
	}

	/**
	 * PRODUCT.md §11: the office's newest decision on a department applies while the file it was made about is the
	 * one in use; the office's 差戻し makes an accepted department {@code 差戻し (事務局)}.
	 */
	private ReviewData.DepartmentStatus confirmed(ReviewData.DepartmentStatus d, OfficeDecisions.Decision decision) {
		ReviewData.Confirmation confirmation = decision == null || !decision.isAbout(d.sha256())
				? ReviewData.Confirmation.UNDECIDED
				: new ReviewData.Confirmation(decision.decision(), blankToNull(decision.reviewer()),
						decision.decidedAt().atZone(zone).toLocalDate(), blankToNull(decision.comment()));
		String state = OfficeDecisions.SENT_BACK.equals(confirmation.decision()) && "受理".equals(d.state())
				? SENT_BACK_BY_OFFICE : d.state();
		return new ReviewData.DepartmentStatus(d.code(), d.name(), state, d.file(), d.receivedAt(), d.submittedBy(),
				d.submittedOn(), d.late(), d.errors(), d.warnings(), d.rejectedFile(), d.sha256(), confirmation);
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

	/**
	 * PRODUCT.md §6: a department with no accepted file is late once the deadline has passed; one with a file in use
	 * is late when that file was received late by the plan in force.
	 */
	private ReviewData.DepartmentStatus status(Department d, DepartmentState s, boolean deadlinePassed, Lateness lateness) {
		StoredFile shown = s.inUse();
		StoredFile counted = s.isRejected() ? s.rejected() : shown;
		return new ReviewData.DepartmentStatus(d.code(), d.name(), s.state(), shown == null ? null : shown.fileName(),
				shown == null ? null : shown.modifiedAt().atZone(zone).toOffsetDateTime(),
				shown == null ? null : shown.submittedBy(), shown == null ? null : shown.submittedOn(),
				shown != null ? lateness.late(shown.modifiedAt()) : deadlinePassed, counted == null ? 0 : counted.errors(),
				counted == null ? 0 : lateness.warnings(counted.warnings(), counted.late(), counted.modifiedAt()),
				s.isRejected() ? s.rejected().fileName() : null, shown == null ? null : shown.sha256(), null);
	}

	/**
	 * PRODUCT.md §3, late: decided from a file's received time and the plan in force each time the review is
	 * written. A file was loaded with the warning of the deadline then in force (and counted it); it is replaced by
	 * the one of this plan.
	 */
	private record Lateness(Plan plan, ZoneId zone) {

		boolean late(Instant receivedAt) {
			return plan.isLate(receivedAt, zone);
		}

		/** A file's warnings: those it was loaded with, the late warning as this plan decides it. */
		int warnings(int loaded, boolean loadedLate, Instant receivedAt) {
			return loaded - (loadedLate ? 1 : 0) + (late(receivedAt) ? 1 : 0);
		}

		ReviewData.IssueRow warning(String file, String department, Instant receivedAt, LocalDateTime foundAt) {
			return new ReviewData.IssueRow(file, department, "", "", "警告",
					LateWarning.message(plan.deadline(), receivedAt, zone), foundAt);
		}

	}

	/**
	 * Streamed straight from the store: the issue rows can be many. Each issue once, files in the order of
	 * versions, each file's issues in the order found.
	 */
	private void issues(long jobInstanceId, List<Long> inUseFiles, List<Long> rejectedFiles, Lateness lateness,
			Consumer<ReviewData.IssueRow> sink) {
		Set<Long> inUse = Set.copyOf(inUseFiles);
		Set<Long> rejected = Set.copyOf(rejectedFiles);
		long[] current = { NONE };
		jdbc.sql("""
				SELECT f.id, f.job_instance_id, f.file_name, COALESCE(f.department_code, ''), f.modified_at, f.late,
				       COALESCE(f.loaded_at, f.modified_at), i.sheet, i.cell, i.severity, i.message
				FROM submission_file f LEFT JOIN validation_issue i ON i.file_id = f.id
				WHERE f.job_instance_id = :run OR f.id IN (:inUse) OR f.id IN (:rejected)
				ORDER BY %s, i.seq""".formatted(Submissions.OLDEST_FIRST)) // only submission_file has these columns
			.param("run", jobInstanceId)
			.param("inUse", inUseFiles)
			.param("rejected", rejectedFiles)
			.query(rs -> {
				long file = rs.getLong(1);
				boolean ofRun = rs.getLong(2) == jobInstanceId;
				String name = rs.getString(3);
				String department = rs.getString(4);
				Instant received = Instant.parse(rs.getString(5));
				boolean loadedLate = rs.getInt(6) == 1;
				LocalDateTime found = foundAt(rs.getString(7));
				// a warning is shown for a file of this run and for one in use: the late one as this plan decides it,
				// where the file's own was, or first when it was loaded on time (and its cover read)
				boolean warningsShown = ofRun || inUse.contains(file);
				boolean lateNow = warningsShown && lateness.late(received) && (loadedLate || !department.isEmpty());
				if (file != current[0]) {
					current[0] = file;
					if (lateNow && !loadedLate) {
						sink.accept(lateness.warning(name, department, received, found));
					}
				}
				String severity = rs.getString(10);
				if (severity == null) {
					return;
				}
				if ("WARNING".equals(severity) && LateWarning.is(rs.getString(8), rs.getString(9), rs.getString(11))) {
					if (lateNow) {
						sink.accept(lateness.warning(name, department, received, found));
					}
					return;
				}
				boolean open = "WARNING".equals(severity) ? warningsShown : ofRun || rejected.contains(file);
				if (open) {
					sink.accept(new ReviewData.IssueRow(name, department, rs.getString(8), rs.getString(9),
							"ERROR".equals(severity) ? "エラー" : "警告", rs.getString(11), found));
				}
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
