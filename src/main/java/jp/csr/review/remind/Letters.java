package jp.csr.review.remind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.feedback.AnnotatedCopies;
import jp.csr.review.feedback.AnnotatedCopyWriter;
import jp.csr.review.feedback.OfficeCopies;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import jp.csr.review.store.ArchivedFiles;
import jp.csr.review.store.OfficeDecisions;
import jp.csr.review.store.Submissions.StoredFile;
import jp.csr.review.template.TemplateWriter;
import jp.csr.review.validation.Issue;
import jp.csr.review.validation.Severity;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Composes the reminders of PRODUCT.md §9 in Japanese: the subject names the term and the deadline (期限超過 once
 * it has passed), the body says what to do, the attachment is what to do it with: the department's prefilled
 * template (the bytes {@code template} writes), the annotated copy of its newest rejected file, or the copy of its
 * file the office sent back (§11) — either written here when the output folder no longer has it.
 */
final class Letters {

	private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** Errors listed in a body; the annotated copy shows as many. */
	static final int MAX_LISTED = AnnotatedCopyWriter.MAX_SHOWN;

	private final ReviewProperties properties;

	private final JdbcClient jdbc;

	private final ArchivedFiles archived;

	private final Plan plan;

	private final LocalDate today;

	Letters(ReviewProperties properties, JdbcClient jdbc, ArchivedFiles archived, Plan plan, LocalDate today) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.archived = archived;
		this.plan = plan;
		this.today = today;
	}

	private String subject(String what) {
		LocalDate deadline = plan.deadline();
		String due = deadline == null ? "" : today.isAfter(deadline) ? " (期限超過: " + deadline + ")" : " (期限 " + deadline + ")";
		return "【" + plan.term() + "期 行動計画振り返り】" + what + due;
	}

	private String deadlineLine() {
		LocalDate deadline = plan.deadline();
		if (deadline == null) {
			return "提出期限: (行動計画に記載なし)";
		}
		return "提出期限: " + deadline + (today.isAfter(deadline) ? " (期限を過ぎています。至急ご提出ください)" : "");
	}

	Reminder notSubmitted(Department d) throws IOException {
		String name = TemplateWriter.fileName(plan, d);
		byte[] template = template(d);
		List<String> body = new ArrayList<>();
		body.add(d.name() + " ご担当者様");
		body.add("");
		body.add(plan.term() + "期 (" + plan.period() + ") 行動計画振り返りの提出ブックが、まだ届いていません。");
		body.add(deadlineLine());
		body.add("");
		body.add("記入のしかた:");
		body.add("1. 添付の「" + name + "」を開いてください。部署・KPI・取り組みは行動計画から記入済みです。");
		body.add("2. 「表紙」シートに提出者と提出日を記入してください。");
		body.add("3. 「KPI」シートの「実績」をすべて記入してください (「実績表記」「備考」は必要なときだけ)。");
		body.add("4. 「取り組み」シートの「進捗」を選んでください (「自己評価」「備考」は任意)。");
		body.add("5. 「ハイライト」シートに、コミットメントごとの主な取り組みとハイライトを記入してください。");
		body.add("6. 保存して、次のフォルダに置いてください: " + properties.inputDir());
		body.addAll(closing());
		return new Reminder(d.code(), d.name(), Kind.NOT_SUBMITTED, d.addresses(), subject("ご提出のお願い"),
				String.join("\n", body), name, template);
	}

	private byte[] template(Department d) throws IOException {
		Path file = Files.createTempFile("remind-template", ".xlsx");
		try {
			new TemplateWriter(properties.templatePassword()).write(plan, d, file);
			return Files.readAllBytes(file);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	Reminder sentBack(Department d, StoredFile rejected, ZoneId zone) throws IOException {
		List<Issue> errors = errors(rejected);
		Path copy = annotatedCopy(rejected, errors);
		List<String> body = new ArrayList<>();
		body.add(d.name() + " ご担当者様");
		body.add("");
		body.add(plan.term() + "期 行動計画振り返りの提出ブックに誤りがあったため、差し戻します。");
		body.add("下のエラーを直して、もう一度提出してください。");
		body.add("");
		body.add("差し戻したファイル: " + rejected.fileName());
		body.add("受け付けた日時: " + RECEIVED.format(rejected.modifiedAt().atZone(zone)));
		body.add(deadlineLine());
		body.add("");
		body.add("エラー (" + rejected.errors() + "件):");
		errors.forEach(e -> body.add("  " + where(e) + e.message()));
		if (rejected.errors() > errors.size()) {
			body.add("  ほか " + (rejected.errors() - errors.size()) + "件");
		}
		body.add("");
		body.add("添付の「" + copy.getFileName() + "」は、お送りいただいたブックの問題のあるセルに色とコメントを付けた写しです");
		body.add("(「" + AnnotatedCopyWriter.SUMMARY_SHEET + "」シートに一覧があります)。");
		body.add("直したブックを保存して、次のフォルダに置いてください: " + properties.inputDir());
		body.addAll(closing());
		return new Reminder(d.code(), d.name(), Kind.SENT_BACK, d.addresses(), subject("差戻しのお知らせ"),
				String.join("\n", body), copy.getFileName().toString(), Files.readAllBytes(copy));
	}

	/**
	 * PRODUCT.md §11: the office sent back the file in use; the body lists its comments, the attachment is the copy
	 * carrying them (written now when the output folder no longer has it).
	 */
	Reminder sentBackByOffice(Department d, OfficeCopies copies, OfficeCopies.SentBack sentBack, ZoneId zone)
			throws IOException {
		Path copy = copies.ensure(sentBack);
		StoredFile file = sentBack.inUse();
		OfficeDecisions.Decision decision = sentBack.decision();
		List<String> body = new ArrayList<>();
		body.add(d.name() + " ご担当者様");
		body.add("");
		body.add(plan.term() + "期 行動計画振り返りの提出ブックを CSR事務局で確認し、差し戻します。");
		body.add("下の指摘に沿って直し、もう一度提出してください。");
		body.add("");
		body.add("差し戻したファイル: " + file.fileName());
		body.add("受け付けた日時: " + RECEIVED.format(file.modifiedAt().atZone(zone)));
		if (decision.reviewer() != null && !decision.reviewer().isBlank()) {
			body.add("確認者: " + decision.reviewer());
		}
		body.add(deadlineLine());
		body.add("");
		body.add("事務局のコメント:");
		body.add("  " + (decision.comment() == null ? "" : decision.comment()));
		if (!sentBack.rows().isEmpty()) {
			body.add("");
			body.add("行ごとの指摘 (" + sentBack.rows().size() + "件):");
			sentBack.rows().forEach(r -> body.add("  " + r.itemId() + ": " + r.comment()));
		}
		body.add("");
		body.add("添付の「" + copy.getFileName() + "」は、お送りいただいたブックの指摘のある行に色とコメントを付けた写しです");
		body.add("(「" + AnnotatedCopyWriter.SUMMARY_SHEET + "」シートに一覧があります)。");
		body.add("直したブックを保存して、次のフォルダに置いてください: " + properties.inputDir());
		body.addAll(closing());
		return new Reminder(d.code(), d.name(), Kind.SENT_BACK, d.addresses(), subject("差戻しのお知らせ (事務局確認)"),
				String.join("\n", body), copy.getFileName().toString(), Files.readAllBytes(copy));
	}

	private List<String> closing() {
		return List.of("", "このメールは行動計画振り返りの集計システムから自動で送信しています。",
				"ご不明な点は " + plan.group() + " CSR事務局までお問い合わせください。");
	}

	/** {@code KPI!F7: }, {@code 表紙: }, or nothing for a problem of the whole file. */
	private static String where(Issue e) {
		if (e.sheet().isEmpty()) {
			return "";
		}
		return e.sheet() + (e.cell().isEmpty() ? "" : "!" + e.cell()) + ": ";
	}

	/** The copy beside the review, written from the archived bytes when it is not there (deleted, never written). */
	private Path annotatedCopy(StoredFile rejected, List<Issue> errors) throws IOException {
		Path target = AnnotatedCopies.target(properties.outputDir(),
				plan.departments().stream().map(Department::code).toList(), rejected.departmentCode(), rejected.fileName());
		if (Files.isRegularFile(target)) {
			return target;
		}
		ArchivedFiles.ArchivedFile file = ArchivedFiles.ArchivedFile.of(rejected.sha256(), rejected.fileName(),
				rejected.status());
		try (ArchivedFiles.Local original = archived.local(file)
			.orElseThrow(() -> new IOException("差し戻したファイルの保管コピーがありません: " + archived.where(file)))) {
			Files.createDirectories(target.getParent());
			if (!new AnnotatedCopyWriter().write(original.path(), errors, target)) {
				throw new IOException("注記付きの写しを作れませんでした: " + target);
			}
		}
		return target;
	}

	private List<Issue> errors(StoredFile rejected) {
		return jdbc.sql("""
				SELECT sheet, cell, message FROM validation_issue WHERE file_id = ? AND severity = 'ERROR'
				ORDER BY seq LIMIT ?""")
			.params(rejected.id(), MAX_LISTED)
			.query((rs, n) -> new Issue(Severity.ERROR, rejected.fileName(), nz(rs.getString(1)), nz(rs.getString(2)),
					rs.getString(3)))
			.list();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
