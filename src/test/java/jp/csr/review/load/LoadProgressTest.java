package jp.csr.review.load;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A long load says how far it is at least every five seconds, or every 500 files; a short one says nothing. */
class LoadProgressTest {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	@Test
	void everyFiveSecondsOrFiveHundredFilesWhicheverComesFirstAndNeverAtTheEnd() {
		LoadProgress progress = new LoadProgress(0, 100);
		assertThat(progress.after(150, 2000, 4 * SECOND)).isEmpty();
		assertThat(progress.after(300, 2000, 12 * SECOND)).contains("ファイル 2000件のうち 300件が決まりました (15%) 経過 12秒");
		assertThat(progress.after(310, 2000, 13 * SECOND)).isEmpty();
		// 500 files since the last line, before five seconds have passed
		assertThat(progress.after(800, 2000, 14 * SECOND)).contains("ファイル 2000件のうち 800件が決まりました (40%) 経過 14秒");
		assertThat(progress.after(2000, 2000, 30 * SECOND)).as("the step's own line follows").isEmpty();
	}

}
