package jp.csr.review.remind;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jp.csr.review.ConsolidationRuns;
import jp.csr.review.SampleFolders;
import jp.csr.review.cli.TypedCommands;
import jp.csr.review.daemon.Daemon;
import jp.csr.review.feedback.AnnotatedCopies;
import jp.csr.review.feedback.Drops;
import jp.csr.review.nextterm.NextTerm;
import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.template.TemplateWriter;
import jp.csr.review.testing.SharedStoreToo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PRODUCT.md §9: {@code remind} against a real SMTP server inside the test (GreenMail), on a plan whose
 * 提出期限 has passed: ISEC has two addresses and nothing submitted, DEV was sent back, AD was accepted, PRIV has
 * no 連絡先 and the server refuses COMP's address.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SharedStoreToo
class RemindCommandTest {

	static final Path ROOT = SampleFolders.planOnly("remind");

	static final LocalDate DEADLINE = LocalDate.of(2025, 10, 31);

	static final String DEV_FILE = "53期_DEV_システム開発部.xlsx";

	static final GreenMail SMTP = new RefusingGreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("review.remind.from", () -> "csr-office@example.co.jp");
		registry.add("review.remind.schedule", () -> "* * * * * *"); // the daemon's, every second
	}

	@Autowired
	TypedCommands typed;

	@Autowired
	ConsolidationRuns runs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Daemon daemon;

	static Plan plan;

	@BeforeAll
	static void group() {
		Plan sample = SampleWorkbooks.plan();
		List<Department> departments = new ArrayList<>();
		for (Department d : sample.departments()) {
			String contact = switch (d.code()) {
				case "ISEC" -> "isec@example.co.jp、\nisec-lead@example.co.jp";
				case "PRIV" -> "";
				case "COMP" -> "refused@example.co.jp";
				default -> d.contact();
			};
			departments.add(new Department(d.code(), d.name(), contact));
		}
		plan = new Plan(sample.group(), sample.term(), sample.start(), sample.end(), DEADLINE, departments, sample.kpis(),
				sample.initiatives());
		SampleWorkbooks.writePlan(plan, ROOT.resolve("plan.xlsx"));
		Instant received = SampleFolders.RECEIVED;
		Drops.drop(ROOT.resolve("input"), "AD", "53期_AD_広告審査部.xlsx", wb -> {
		}, received);
		Drops.drop(ROOT.resolve("input"), "DEV", DEV_FILE, wb -> Drops.cell(wb, "KPI!F2").setCellValue("少し"), received);
	}

	@AfterAll
	static void stop() {
		SMTP.stop();
	}

	int exit(String... args) throws Exception {
		return typed.exit(args);
	}

	@Test
	@Order(1)
	void theDaemonSendsRemindersOnTheirSchedule() throws Exception {
		Thread running = new Thread(() -> {
			try {
				daemon.run();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		running.start();
		try {
			// polled: GreenMail's wait counts on its own SMTP manager, which RefusingGreenMail replaces; an
			// exception in another thread (the daemon's, the SMTP server's) is not this wait's to report
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).dontCatchUncaughtExceptions()
				.untilAsserted(() -> assertThat(SMTP.getReceivedMessages()).as("a reminder within the daemon's schedule")
					.isNotEmpty());
		}
		finally {
			daemon.requestStop();
			running.join(30_000);
		}
		assertThat(reminders()).isPositive();
		// the next test starts from nothing sent
		jdbc.sql("DELETE FROM reminder").update();
		SMTP.purgeEmailFromAllMailboxes();
	}

	@Test
	@Order(2)
	void remindsEachDepartmentNotSubmittedOrSentBackOnceADayAndReportsTheOnesItCannot(CapturedOutput output)
			throws Exception {
		runs.start();

		assertThat(exit("remind", "--dry-run")).isZero();
		assertThat(SMTP.getReceivedMessages()).as("--dry-run sends nothing").isEmpty();
		assertThat(output).contains("[dry-run] ISEC 情報セキュリティ部 (未提出)", "宛先: isec@example.co.jp, isec-lead@example.co.jp",
				"件名: 【53期 行動計画振り返り】ご提出のお願い (期限超過: 2025-10-31)", "添付: 53期_ISEC_情報セキュリティ部.xlsx (");
		assertThat(reminders()).as("a dry run records nothing").isZero();

		assertThat(exit("remind")).as("PRIV has no 連絡先, COMP's address is refused").isEqualTo(3);
		assertThat(output).contains("送信できません PRIV 個人情報保護部 (未提出): 連絡先がありません")
			.contains("送信できません COMP コンプライアンス推進部 (未提出) → refused@example.co.jp: サーバーが宛先を拒否しました: refused@example.co.jp");
		Map<String, List<MimeMessage>> byTo = Arrays.stream(SMTP.getReceivedMessages())
			.collect(Collectors.groupingBy(RemindCommandTest::to));
		assertThat(byTo).containsOnlyKeys("isec@example.co.jp, isec-lead@example.co.jp", "dev@example.co.jp",
				"risk@example.co.jp", "bcp@example.co.jp");
		assertThat(byTo.values()).allSatisfy(copies -> assertThat(copies).hasSize(copies.get(0).getAllRecipients().length));

		MimeMessage isec = byTo.get("isec@example.co.jp, isec-lead@example.co.jp").get(0);
		assertThat(isec.getSubject()).isEqualTo("【53期 行動計画振り返り】ご提出のお願い (期限超過: 2025-10-31)");
		assertThat(isec.getFrom()[0].toString()).isEqualTo("csr-office@example.co.jp");
		assertThat(text(isec)).contains("情報セキュリティ部 ご担当者様", "提出期限: 2025-10-31 (期限を過ぎています",
				"6. 保存して、次のフォルダに置いてください: " + ROOT.resolve("input"));
		Part template = attachment(isec);
		assertThat(template.getFileName()).as("decoded back").isEqualTo("53期_ISEC_情報セキュリティ部.xlsx");
		assertThat(raw(isec)).as("RFC 2231").contains("filename*=UTF-8''53%E6%9C%9F_ISEC_");
		Path written = Files.createTempFile(ROOT, "template", ".xlsx");
		new TemplateWriter("").write(plan, plan.department("ISEC").orElseThrow(), written);
		assertThat(parts(template.getInputStream().readAllBytes())).as("the workbook template writes")
			.isEqualTo(parts(Files.readAllBytes(written)));

		MimeMessage dev = byTo.get("dev@example.co.jp").get(0);
		assertThat(dev.getSubject()).isEqualTo("【53期 行動計画振り返り】差戻しのお知らせ (期限超過: 2025-10-31)");
		assertThat(text(dev)).contains("差し戻したファイル: " + DEV_FILE, "受け付けた日時: 2025-10-20 10:00", "エラー (1件):",
				"  KPI!F2: ");
		Part copy = attachment(dev);
		assertThat(copy.getFileName()).isEqualTo(DEV_FILE);
		Path annotated = AnnotatedCopies.target(ROOT.resolve("output"), List.of("DEV"), "DEV", DEV_FILE);
		assertThat(copy.getInputStream().readAllBytes()).as("the annotated copy").isEqualTo(Files.readAllBytes(annotated));
		assertThat(reminders()).isEqualTo(4);
		assertThat(jdbc.sql("SELECT server_reply FROM reminder WHERE department_code = 'DEV'").query(String.class).single())
			.startsWith("250");

		int received = SMTP.getReceivedMessages().length;
		assertThat(exit("remind")).isEqualTo(3);
		assertThat(SMTP.getReceivedMessages()).as("not the same reminder twice a day").hasSize(received);
		assertThat(output).contains("送信済み ISEC 情報セキュリティ部 (未提出): 本日");
		assertThat(reminders()).isEqualTo(4);

		assertThat(exit("status")).isZero();
		assertThat(output).contains("最終リマインド");

		jdbc.sql("DELETE FROM reminder").update();
		SMTP.stop();
		assertThat(exit("remind")).as("the server down altogether").isEqualTo(1);
		assertThat(output).contains("メールサーバー 127.0.0.1:");
		assertThat(reminders()).as("nothing recorded as sent").isZero();
	}

	/**
	 * The same-day rule is a term's: the morning's 53期 未提出 reminder does not keep the 54期 one from going out once
	 * the 54期 plan is in place; a second 54期 one that day is held back.
	 */
	@Test
	@Order(3)
	void aReminderOfTheNextTermIsSentOnTheDayThisTermsWas(CapturedOutput output) throws Exception {
		String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
		record(53, today);
		SampleWorkbooks.writePlan(NextTerm.of(plan, Map.of(), Map.of()), ROOT.resolve("plan.xlsx"));
		assertThat(exit("remind", "--dry-run")).isZero();
		assertThat(output).contains("[dry-run] ISEC 情報セキュリティ部 (未提出)", "件名: 【54期 行動計画振り返り】ご提出のお願い")
			.doesNotContain("送信済み ISEC");

		record(54, today);
		assertThat(exit("remind", "--dry-run")).isZero();
		assertThat(output).contains("送信済み ISEC 情報セキュリティ部 (未提出): 本日");
	}

	/** An ISEC 未提出 reminder of a term, as sent on a day. */
	private void record(int term, String day) {
		jdbc.sql("""
				INSERT INTO reminder (term, department_code, kind, recipients, subject, attachment_name, attachment_sha256,
				                      sent_on, sent_at)
				VALUES (?, 'ISEC', '未提出', 'isec@example.co.jp', ?, 'template.xlsx', '00', ?, ?)""")
			.params(term, "【" + term + "期 行動計画振り返り】ご提出のお願い", day, day + "T00:00:00.000000000Z")
			.update();
	}

	private int reminders() {
		return jdbc.sql("SELECT COUNT(*) FROM reminder").query(Integer.class).single();
	}

	private static String to(MimeMessage m) {
		try {
			return Arrays.stream(m.getAllRecipients()).map(Object::toString).collect(Collectors.joining(", "));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(MimeMessage m) throws Exception {
		return (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
	}

	private static Part attachment(MimeMessage m) throws Exception {
		Multipart parts = (Multipart) m.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				return part;
			}
		}
		throw new AssertionError("no attachment");
	}

	/**
	 * A workbook's parts and their bytes, but for its creation time (docProps/core.xml): two writes of one
	 * template differ in that alone.
	 */
	private static Map<String, String> parts(byte[] xlsx) throws Exception {
		Map<String, String> parts = new java.util.TreeMap<>();
		try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx))) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (!entry.getName().equals("docProps/core.xml")) {
					parts.put(entry.getName(), java.util.HexFormat.of().formatHex(zip.readAllBytes()));
				}
			}
		}
		assertThat(parts).containsKey("xl/workbook.xml");
		return parts;
	}

	private static String raw(MimeMessage m) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		m.writeTo(out);
		return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
	}

	/** GreenMail accepts every recipient; a real server refuses some: this one refuses {@code refused@…} (550). */
	static final class RefusingGreenMail extends GreenMail {

		RefusingGreenMail(ServerSetup setup) {
			super(setup);
		}

		@Override
		protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
			return super.createServices(config, new Managers() {

				final SmtpManager smtp = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
					@Override
					public String checkRecipient(SmtpState state, MailAddress address) {
						return address.getEmail().startsWith("refused@") ? "550 5.1.1 mailbox unavailable" : null;
					}
				};

				@Override
				public SmtpManager getSmtpManager() {
					return smtp;
				}

				@Override
				public UserManager getUserManager() {
					return managers.getUserManager();
				}

				@Override
				public ImapHostManager getImapHostManager() {
					return managers.getImapHostManager();
				}

			});
		}

	}

}
