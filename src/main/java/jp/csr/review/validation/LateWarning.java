package jp.csr.review.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The warning of a late file (PRODUCT.md §3). A loaded file keeps the one it was checked with; the review decides
 * lateness again from the plan in force each time it is written (an extended 提出期限), so it knows this warning by
 * its text, drops the kept one and says it anew where the file is late now.
 */
public final class LateWarning {

	private static final String BEGINS = "提出期限 (";

	private static final String PASSED = ") を過ぎて受信しました (受信: ";

	private LateWarning() {
	}

	public static String message(LocalDate deadline, Instant receivedAt, ZoneId zone) {
		return BEGINS + deadline + PASSED + receivedAt.atZone(zone).toLocalDateTime().withNano(0) + ")";
	}

	/** A warning of a file as a whole (no sheet, no cell) with this text: the late warning. */
	public static boolean is(String sheet, String cell, String message) {
		return sheet.isEmpty() && cell.isEmpty() && message.startsWith(BEGINS) && message.contains(PASSED);
	}

}
