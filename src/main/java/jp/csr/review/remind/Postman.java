package jp.csr.review.remind;

import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * One SMTP connection for a whole {@code remind}, on the session Spring Boot configured from {@code spring.mail.*}.
 * Kept by hand rather than through {@code JavaMailSender.send}: a server down altogether must be told apart from
 * one department's refused address (exit 1 against exit 3), and the server's reply to each mail is recorded.
 */
final class Postman implements AutoCloseable {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** A server that accepts the connection and then says nothing must not hang a night's daemon. */
	private static final String TIMEOUT_MILLIS = "60000";

	private final JavaMailSenderImpl sender;

	private final Transport transport;

	private Postman(JavaMailSenderImpl sender, Transport transport) {
		this.sender = sender;
		this.transport = transport;
	}

	/** Connected, or the reason the server cannot be reached (nothing has been sent). */
	static Postman connect(JavaMailSenderImpl sender) throws MessagingException {
		String protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
		for (String key : new String[] { "connectiontimeout", "timeout", "writetimeout" }) {
			sender.getJavaMailProperties().putIfAbsent("mail." + protocol + "." + key, TIMEOUT_MILLIS);
		}
		Transport transport = sender.getSession().getTransport(protocol);
		Postman postman = new Postman(sender, transport);
		postman.reconnect();
		return postman;
	}

	static String where(JavaMailSenderImpl sender) {
		return sender.getHost() + ":" + (sender.getPort() > 0 ? sender.getPort() : "(既定のポート)");
	}

	private void reconnect() throws MessagingException {
		transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
	}

	/**
	 * Sends one mail; a connection the server dropped after an earlier mail is opened again first.
	 *
	 * @return the server's reply to it
	 * @throws MessagingException not sent: {@link #refusal} words an address the server refused
	 */
	String send(Reminder mail, String from) throws MessagingException {
		MimeMessage message = message(mail, from);
		if (!transport.isConnected()) {
			reconnect();
		}
		transport.sendMessage(message, message.getAllRecipients());
		return lastReply().orElse("");
	}

	/** The reason in one line, naming the refused addresses and the server's words when there are any. */
	String refusal(MessagingException ex) {
		StringBuilder why = new StringBuilder();
		if (ex instanceof SendFailedException failed && failed.getInvalidAddresses() != null
				&& failed.getInvalidAddresses().length > 0) {
			why.append("サーバーが宛先を拒否しました: ").append(addresses(failed.getInvalidAddresses()));
			lastReply().ifPresent(reply -> why.append(" (").append(reply).append(')'));
			return why.toString();
		}
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		return "送信できませんでした: " + (root == ex ? "" : root.getClass().getSimpleName() + ": ") + root.getMessage();
	}

	/**
	 * The server's last reply line. Angus Mail's {@code SMTPTransport} says it; that class is the starter's runtime
	 * dependency only, hence asked for by name.
	 */
	private Optional<String> lastReply() {
		try {
			Object reply = transport.getClass().getMethod("getLastServerResponse").invoke(transport);
			return reply == null ? Optional.empty() : Optional.of(reply.toString().strip());
		}
		catch (ReflectiveOperationException ex) {
			return Optional.empty();
		}
	}

	private static String addresses(Address[] addresses) {
		return Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
	}

	/**
	 * UTF-8 subject and body; the attachment's Japanese name is encoded per RFC 2231 ({@code filename*=UTF-8''…},
	 * Jakarta Mail's {@code mail.mime.encodeparameters}, on by default) rather than Spring's RFC 2047 words, which
	 * RFC 2047 itself forbids in parameters.
	 */
	MimeMessage message(Reminder mail, String from) throws MessagingException {
		MimeMessage message = new MimeMessage(sender.getSession());
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
		helper.setEncodeFilenames(false);
		helper.setFrom(from);
		helper.setTo(mail.recipients().toArray(String[]::new));
		helper.setSubject(mail.subject());
		helper.setSentDate(new Date());
		helper.setText(mail.body(), false);
		helper.addAttachment(mail.attachmentName(), new ByteArrayResource(mail.attachment()), XLSX);
		message.saveChanges();
		return message;
	}

	@Override
	public void close() {
		try {
			transport.close();
		}
		catch (MessagingException ex) {
			// the mails are sent; a QUIT the server does not answer changes nothing
		}
	}

}
