package jp.csr.review.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How a time is written for an admin (the lock's holder, {@code status}, the daemon's next fire): in
 * {@code review.zone}, to the second, with its offset, so that every time on the console reads the same way
 * and says which zone it is in ({@code 2026-11-30 02:00:05 +09:00}).
 */
public final class AdminTime {

	public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

	private AdminTime() {
	}

	public static String format(Instant instant, ZoneId zone) {
		return format(instant.atZone(zone));
	}

	public static String format(ZonedDateTime time) {
		return FORMAT.format(time);
	}

}
