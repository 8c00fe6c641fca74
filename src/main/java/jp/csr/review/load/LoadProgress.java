package jp.csr.review.load;

import java.time.Duration;
import java.util.Optional;

/**
 * When the load shows how far it is ({@code ファイル 2000件のうち 300件が決まりました (15%) 経過 12秒}: the run's files, as the scan step's line counts them): at the first commit at least
 * {@link #EVERY} after the last line, or after {@link #FILES} more files, whichever comes first; never once
 * every file is settled (the step's own line follows).
 */
final class LoadProgress {

	static final Duration EVERY = Duration.ofSeconds(5);

	static final int FILES = 500;

	private final long started;

	private long shownAt;

	private int shownFiles;

	/** @param settled files of the run already settled when the load starts (a restart's, the scan's) */
	LoadProgress(long startedNanos, int settled) {
		this.started = startedNanos;
		this.shownAt = startedNanos;
		this.shownFiles = settled;
	}

	/** The line to show after a commit, if one is due. */
	Optional<String> after(int settled, int total, long nowNanos) {
		if (settled >= total || nowNanos - shownAt < EVERY.toNanos() && settled - shownFiles < FILES) {
			return Optional.empty();
		}
		shownAt = nowNanos;
		shownFiles = settled;
		return Optional.of(String.format("ファイル %d件のうち %d件が決まりました (%d%%) 経過 %d秒", total, settled, settled * 100L / total,
				Duration.ofNanos(nowNanos - started).toSeconds()));
	}

}
