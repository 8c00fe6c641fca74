package jp.csr.review.store;

/**
 * What the command being run does with the store, as the command line says (operations provides the bean):
 * how much of the database is checked before anything opens it, and the exit code when it cannot be used
 * (PRODUCT.md §7: {@code status} reports and exits 0, {@code check} found a problem, the others are stopped
 * by a configuration problem).
 *
 * @param access what the command does with the database
 * @param exitCodeWhenUnusable the process's exit code when the database cannot be used as {@code access} says
 */
public record StoreUse(Access access, int exitCodeWhenUnusable) {

	public enum Access {

		/**
		 * Reads nothing from it ({@code validate}, {@code template}): the command line starts these without the
		 * store at all; a context a test starts for them still opens it, so only what keeps SQLite from opening
		 * it at all is checked.
		 */
		NONE,
		/** Reads it ({@code status}): also SQLite's own quick check of every page. */
		READ,
		/** Writes it (a run, {@code check}): also the permissions and whether a lost database is being replaced. */
		WRITE

	}

}
