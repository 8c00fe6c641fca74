package jp.csr.review.console;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * What reaches the console (logback-spring.xml): the application's own lines from INFO, everybody
 * else's from ERROR — except Spring Batch and the connection pool, whose errors repeat, with a stack
 * trace, a failure the application already reports in one line, and POI, whose parser errors about one
 * hostile file (a DOCTYPE) would print raw beside that file's own 差戻し line. Those go to the file log only.
 */
public class ConsoleFilter extends Filter<ILoggingEvent> {

	private static final String[] FILE_ONLY = { "org.springframework.batch.", "com.zaxxer.hikari.",
			"org.springframework.jdbc.", "org.springframework.transaction.",
			"org.springframework.scheduling.", "org.apache.poi." };

	@Override
	public FilterReply decide(ILoggingEvent event) {
		String logger = event.getLoggerName();
		if (logger.startsWith("jp.csr.review.")) {
			return event.getLevel().isGreaterOrEqual(Level.INFO) ? FilterReply.NEUTRAL : FilterReply.DENY;
		}
		for (String prefix : FILE_ONLY) {
			if (logger.startsWith(prefix)) {
				return FilterReply.DENY;
			}
		}
		return event.getLevel().isGreaterOrEqual(Level.ERROR) ? FilterReply.NEUTRAL : FilterReply.DENY;
	}

}
