package jp.csr.review;

import jp.csr.review.store.StoreUnusable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReviewApplication {

	public static void main(String[] args) {
		int exit;
		try {
			exit = SpringApplication.exit(SpringApplication.run(ReviewApplication.class, args));
		}
		catch (RuntimeException ex) {
			// The context did not start; Boot has logged why. A store kept busy by another process is a
			// failed run to retry (1); anything else is bad configuration (PRODUCT.md §7: 2). A store the
			// command cannot use (damaged, not writable) was explained, with the command's own exit code.
			exit = StoreUnusable.exitCodeIn(ex).orElse(storeBusy(ex) ? 1 : 2);
		}
		System.exit(exit);
	}

	static boolean storeBusy(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t.getMessage() != null && t.getMessage().contains("SQLITE_BUSY")) {
				return true;
			}
		}
		return false;
	}

}
