package jp.csr.review;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** PRODUCT.md §7: a context that cannot start is bad configuration (2), unless the store was only busy (1). */
class StartupExitCodeTest {

	@Test
	void aBusyStoreAnywhereInTheCausesIsAFailedRunNotBadConfiguration() {
		RuntimeException busy = new IllegalStateException("flyway failed",
				new RuntimeException(new SQLException("[SQLITE_BUSY] The database file is locked (database is locked)")));
		assertThat(ReviewApplication.storeBusy(busy)).isTrue();
		assertThat(ReviewApplication.storeBusy(new IllegalStateException("Failed to bind properties under 'review.zone'")))
			.isFalse();
	}

}
