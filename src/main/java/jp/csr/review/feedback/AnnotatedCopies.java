package jp.csr.review.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.csr.review.validation.Issue;
import jp.csr.review.validation.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the annotated copy of every file a run rejected, beside the review:
 * {@code <output>/差戻し/<部署コード or 部署不明>/<original file name>}. The copy is made from the
 * rejected bytes kept in the store, never from the input folder.
 */
public final class AnnotatedCopies {

	private static final Logger log = LoggerFactory.getLogger(AnnotatedCopies.class);

	/** Folder under the output folder. */
	public static final String FOLDER = "差戻し";

	/** Folder of a file whose 部署コード could not be read. */
	public static final String UNKNOWN_DEPARTMENT = "部署不明";

	private final JdbcClient jdbc;

	private final AnnotatedCopyWriter writer = new AnnotatedCopyWriter();

	public AnnotatedCopies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Where the copy of a rejected file goes. */
	public static Path target(Path outputDir, String departmentCode, String fileName) {
		String folder = departmentCode == null || departmentCode.isBlank() ? UNKNOWN_DEPARTMENT
				: departmentCode.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
		return outputDir.resolve(FOLDER).resolve(folder).resolve(Path.of(fileName).getFileName());
	}

	private record Rejected(long id, String fileName, String departmentCode, String archivePath) {
	}

	/**
	 * Writes the copies of the files a job instance rejected, oldest first (so of two same-named files
	 * of a department, the newer one's copy is left).
	 *
	 * @return per submission_file id, the copy written; files that cannot be opened have none
	 */
	public Map<Long, Path> write(long jobInstanceId, Path outputDir) {
		Map<Long, Path> written = new LinkedHashMap<>();
		List<Rejected> rejected = jdbc.sql("""
				SELECT id, file_name, department_code, archive_path FROM submission_file
				WHERE job_instance_id = ? AND status = 'REJECTED' ORDER BY modified_at, id""")
			.param(jobInstanceId)
			.query((rs, n) -> new Rejected(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
		for (Rejected file : rejected) {
			Path original = file.archivePath() == null ? null : Path.of(file.archivePath());
			if (original == null || !Files.isRegularFile(original)) {
				log.warn("差し戻したファイル {} の保管コピーがないため、注記付きの写しを作れません ({})", file.fileName(), original);
				continue;
			}
			Path target = target(outputDir, file.departmentCode(), file.fileName());
			try {
				if (writer.write(original, issues(file), target)) {
					written.put(file.id(), target);
				}
			}
			catch (Exception ex) {
				// the review matters more than one copy: report it and go on
				log.warn("{} の注記付きの写しを書けませんでした: {}", file.fileName(), ex.toString());
			}
		}
		return written;
	}

	/**
	 * Removes the copies of a department whose newest file is accepted: its feedback is settled, and a
	 * copy left beside the review would be sent back by mistake.
	 *
	 * @return the copies removed
	 */
	public List<Path> removeSettled(Path outputDir) {
		List<Rejected> settled = jdbc.sql("""
				SELECT f.id, f.file_name, f.department_code, f.archive_path FROM submission_file f
				WHERE f.status = 'REJECTED' AND f.department_code IS NOT NULL
				  AND (SELECT n.status FROM submission_file n WHERE n.department_code = f.department_code
				       ORDER BY n.job_instance_id DESC, n.modified_at DESC, n.id DESC LIMIT 1) = 'ACCEPTED'""")
			.query((rs, n) -> new Rejected(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
		List<Path> removed = new ArrayList<>();
		for (Rejected file : settled) {
			Path copy = target(outputDir, file.departmentCode(), file.fileName());
			try {
				if (Files.deleteIfExists(copy)) {
					removed.add(copy);
				}
			}
			catch (IOException ex) {
				log.warn("受理済みの部署の注記付きの写し {} を削除できませんでした: {}", copy, ex.toString());
			}
		}
		return removed;
	}

	private List<Issue> issues(Rejected file) {
		return jdbc.sql("SELECT severity, sheet, cell, message FROM validation_issue WHERE file_id = ? ORDER BY seq")
			.param(file.id())
			.query((rs, n) -> new Issue(Severity.valueOf(rs.getString(1)), file.fileName(), nz(rs.getString(2)),
					nz(rs.getString(3)), rs.getString(4)))
			.list();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
