package jp.csr.review.console;

/** PRODUCT.md §7: the exit codes of every command, mapped explicitly. */
public enum ExitCode {

	/** run: all accepted · validate: valid · others: done. */
	OK(0),
	/** The run failed: the failed step and the restart command were printed. */
	FAILED(1),
	/** Bad usage or configuration (plan unreadable, unknown option …). */
	USAGE(2),
	/** run: done, some files rejected · validate: some file invalid. */
	REJECTED(3),
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
