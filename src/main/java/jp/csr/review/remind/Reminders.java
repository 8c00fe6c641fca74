package jp.csr.review.remind;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jp.csr.review.config.ReviewProperties;
import jp.csr.review.feedback.OfficeCopies;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import jp.csr.review.store.ArchivedFiles;
import jp.csr.review.store.Submissions;
import jp.csr.review.store.Submissions.DepartmentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * {@code remind} (PRODUCT.md §9): one e-mail to each department whose 提出状況 is 未提出 or 差戻し, the same state
 * the review shows ({@link Submissions#states}), 差戻し (事務局) included (§11). Each department on its own: one that cannot be mailed is a line
 * of its own and the others are still sent. A department already sent the same kind today (in
 * {@code review.zone}) is skipped, so rerunning is safe.
 */
@Component
class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	/** How a {@code remind} ended; the command line maps it to PRODUCT.md §7's exit codes. */
	public enum Outcome {
		/** Every mail due was sent (or none was due, or a dry run). */
		SENT,
		/** Some department could not be mailed; the others were. */
		SOME_FAILED,
		/** The mail server could not be reached: nothing sent, nothing recorded. */
		SERVER_DOWN,
		/** The mail server or the sender is not configured. */
		NOT_CONFIGURED
	}

	private final ReviewProperties properties;

	private final Submissions submissions;

	private final ReminderLog sent;

	private final JdbcClient jdbc;

	private final ArchivedFiles archived;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final Clock clock;

	Reminders(ReviewProperties properties, Submissions submissions, ReminderLog sent, JdbcClient jdbc,
			ArchivedFiles archived, ObjectProvider<JavaMailSender> mailSender, Clock clock) {
		this.properties = properties;
		this.submissions = submissions;
		this.sent = sent;
		this.jdbc = jdbc;
		this.archived = archived;
		this.mailSender = mailSender;
		this.clock = clock;
	}

	public Outcome remind(Plan plan, boolean dryRun) {
		JavaMailSenderImpl sender = null;
		if (!dryRun) {
			Optional<String> missing = unconfigured();
			if (missing.isPresent()) {
				log.error("{}", missing.get());
				return Outcome.NOT_CONFIGURED;
			}
			sender = (JavaMailSenderImpl) mailSender.getObject();
		}
		Instant now = clock.instant();
		LocalDate today = now.atZone(properties.zone()).toLocalDate();
		Letters letters = new Letters(properties, jdbc, archived, plan, today);
		Map<String, DepartmentState> states = submissions.states(plan.term(),
				plan.departments().stream().map(Department::code).toList());
		// PRODUCT.md §11: an accepted department the office sent back is sent back like any 差戻し
		OfficeCopies officeCopies = new OfficeCopies(jdbc, archived, plan.term(),
				plan.departments().stream().map(Department::code).toList());
		Map<String, OfficeCopies.SentBack> byOffice = officeCopies.sentBack(properties.outputDir());
		List<Reminder> due = new ArrayList<>();
		int failed = 0;
		int skipped = 0;
		for (Department d : plan.departments()) {
			DepartmentState state = states.get(d.code());
			OfficeCopies.SentBack office = byOffice.get(d.code());
			Kind kind = state.isRejected() || office != null ? Kind.SENT_BACK
					: state.inUse() == null ? Kind.NOT_SUBMITTED : null;
			if (kind == null) {
				continue;
			}
			if (d.addresses().isEmpty()) {
				log.error("送信できません {} {} ({}): 連絡先がありません (行動計画の「部署」シートの「連絡先」に記入してください)", d.code(),
						d.name(), kind.label());
				failed++;
				continue;
			}
			if (sent.sentOn(plan.term(), d.code(), kind, today)) {
				log.info("送信済み {} {} ({}): 本日 ({}) 送信済みのため送りません", d.code(), d.name(), kind.label(), today);
				skipped++;
				continue;
			}
			try {
				due.add(kind == Kind.NOT_SUBMITTED ? letters.notSubmitted(d)
						: state.isRejected() ? letters.sentBack(d, state.rejected(), properties.zone())
						: letters.sentBackByOffice(d, officeCopies, office, properties.zone()));
			}
			catch (Exception ex) {
				log.error("送信できません {} {} ({}): 添付ファイルを用意できませんでした: {}", d.code(), d.name(), kind.label(),
						ex.getMessage());
				log.debug("attachment", ex);
				failed++;
			}
		}
		int delivered = 0;
		if (dryRun) {
			due.forEach(Reminders::print);
			log.info("--dry-run: 送信するメール {} 件 (何も送信していません)  本日送信済み {} 件  送れない部署 {} 件", due.size(), skipped,
					failed);
			return Outcome.SENT;
		}
		if (!due.isEmpty()) {
			Postman postman;
			try {
				postman = Postman.connect(sender);
			}
			catch (MessagingException ex) {
				log.error("メールサーバー {} に接続できません: {}。何も送信していません (spring.mail.* を確かめてください)",
						Postman.where(sender), rootMessage(ex));
				log.debug("connect", ex);
				return Outcome.SERVER_DOWN;
			}
			try (postman) {
				for (Reminder mail : due) {
					try {
						String reply = postman.send(mail, properties.remind().from());
						Instant at = clock.instant();
						sent.record(plan.term(), mail, today, at, reply);
						log.info("送信 {} {} ({}) → {}  件名「{}」  添付 {}  応答: {}", mail.departmentCode(), mail.departmentName(),
								mail.kind().label(), String.join(", ", mail.recipients()), mail.subject(), mail.attachmentName(),
								reply);
						delivered++;
					}
					catch (MessagingException ex) {
						log.error("送信できません {} {} ({}) → {}: {}", mail.departmentCode(), mail.departmentName(),
								mail.kind().label(), String.join(", ", mail.recipients()), postman.refusal(ex));
						log.debug("send", ex);
						failed++;
					}
				}
			}
		}
		log.info("リマインド: 送信 {} 件  本日送信済み {} 件  送れなかった部署 {} 件", delivered, skipped, failed);
		return failed > 0 ? Outcome.SOME_FAILED : Outcome.SENT;
	}

	/** What is missing to send, naming the setting. */
	private Optional<String> unconfigured() {
		if (mailSender.getIfAvailable() == null) {
			return Optional.of("メールサーバーが設定されていません: spring.mail.host を設定してください"
					+ " (例: --spring.mail.host=smtp.example.co.jp --spring.mail.port=587)。送らずに確かめるには --dry-run");
		}
		if (!(mailSender.getObject() instanceof JavaMailSenderImpl)) {
			return Optional.of("spring.mail.* で設定したメール送信 (JavaMailSenderImpl) が使えません");
		}
		String from = properties.remind().from();
		if (from == null || from.isBlank()) {
			return Optional.of("送信者が設定されていません: review.remind.from を設定してください (例: --review.remind.from=csr@example.co.jp)");
		}
		return Optional.empty();
	}

	private static void print(Reminder mail) {
		log.info("[dry-run] {} {} ({})", mail.departmentCode(), mail.departmentName(), mail.kind().label());
		log.info("    宛先: {}", String.join(", ", mail.recipients()));
		log.info("    件名: {}", mail.subject());
		log.info("    添付: {} ({} バイト)", mail.attachmentName(), String.format("%,d", mail.attachment().length));
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		return root == ex ? String.valueOf(ex.getMessage()) : root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
