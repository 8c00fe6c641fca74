package jp.csr.review.console;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.helpers.MessageFormatter;

/**
 * {@code %safeMsg} (logback-spring.xml): the message with every control character, line break and bidi
 * override of its arguments escaped ({@code \n}, {@code \x1B}, {@code \u202E}). Arguments carry what
 * came from outside — cell texts, file names, sheet names — and a cell holding {@code ESC[2J} would clear
 * the admin's terminal, or a line break would forge a {@code 受理 …} line on the console and in
 * review.log. The message pattern itself is ours and keeps its line breaks (the usage text).
 */
public class SafeMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		Object[] arguments = event.getArgumentArray();
		if (arguments == null || arguments.length == 0) {
			return event.getFormattedMessage();
		}
		Object[] safe = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			safe[i] = arguments[i] instanceof Throwable ? arguments[i] : escape(String.valueOf(arguments[i]));
		}
		return MessageFormatter.arrayFormat(event.getMessage(), safe).getMessage();
	}

	/** The text with what a terminal or a log reader would interpret made visible. */
	public static String escape(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String replacement = replacement(c);
			if (replacement != null && out == null) {
				out = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			if (out != null) {
				out.append(replacement != null ? replacement : String.valueOf(c));
			}
		}
		return out == null ? text : out.toString();
	}

	private static String replacement(char c) {
		return switch (c) {
			case '\n' -> "\\n";
			case '\r' -> "\\r";
			case '\t' -> "\\t";
			default -> {
				if (Character.getType(c) == Character.CONTROL) {
					yield String.format("\\x%02X", (int) c);
				}
				// line and paragraph separators, bidi embeddings, overrides and isolates
				if (c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
					yield String.format("\\u%04X", (int) c);
				}
				yield null;
			}
		};
	}

}
