package jp.csr.review.console;

/** The exit codes of every command (PRODUCT.md §7), each named for what it tells the caller. */
public enum ExitCode {

	/** run: all accepted · validate: valid · others: done. */
	OK(0),
	/** The run failed (the failed step and the restart command were printed), or remind's mail server was down. */
	FAILED(1),
	/** Bad usage or configuration (plan unreadable, unknown option …). */
	USAGE(2),
	/** run: done, some files rejected or unreadable · validate: some file invalid. */
	REJECTED(3),
	/** check: problems remain in the store. */
	PROBLEMS(3),
	/** remind: some department could not be mailed. */
	NOT_ALL_SENT(3),
	/** Another run holds the lock. */
	LOCKED(4);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return code;
	}

}
