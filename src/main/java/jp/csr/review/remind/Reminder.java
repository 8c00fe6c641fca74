package jp.csr.review.remind;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** One e-mail to one department, as composed: what is sent, printed by {@code --dry-run} and recorded. */
record Reminder(String departmentCode, String departmentName, Kind kind, List<String> recipients, String subject,
		String body, String attachmentName, byte[] attachment) {

	String sha256() {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(attachment));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
