package jp.csr.review.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the store writes an instant: ISO-8601 UTC with nine fractional digits, always. Instant.toString() drops
 * trailing zero digits, so {@code …08:00:00.500Z} sorted before {@code …08:00:00Z} as text; in one width, the
 * order of the text is the order of time, and every "newest" the store's SQL decides is the right one. Read back
 * with {@link Instant#parse}, as the older, shorter rows are.
 */
public final class StoreTime {

	private static final DateTimeFormatter FIXED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private StoreTime() {
	}

	public static String text(Instant instant) {
		return instant == null ? null : FIXED.format(instant);
	}

}
