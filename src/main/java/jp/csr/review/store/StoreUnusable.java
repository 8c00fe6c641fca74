package jp.csr.review.store;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.springframework.boot.ExitCodeGenerator;

/**
 * The store cannot be used by the command being run: thrown before anything opens the database, so nothing
 * writes to a damaged one. {@link StoreProblemReporter} prints the problem instead of Spring Boot's
 * "Application run failed"; the exit code is the command's ({@link StoreUse}).
 */
public final class StoreUnusable extends RuntimeException implements ExitCodeGenerator {

	private static final long serialVersionUID = 1L;

	private final transient StoreProblem problem;

	private final int exitCode;

	StoreUnusable(StoreProblem problem, int exitCode) {
		super(problem.toString());
		this.problem = problem;
		this.exitCode = exitCode;
	}

	public StoreProblem problem() {
		return problem;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

	/** The exit code of a start-up failure caused by an unusable store, anywhere in the causes. */
	public static OptionalInt exitCodeIn(Throwable failure) {
		StoreUnusable found = in(failure);
		return found == null ? OptionalInt.empty() : OptionalInt.of(found.exitCode);
	}

	/** The outermost one: Spring wraps it in its own start-up exceptions. */
	static StoreUnusable in(Throwable failure) {
		return Stream.iterate(failure, Objects::nonNull, t -> t.getCause() == t ? null : t.getCause())
			.filter(StoreUnusable.class::isInstance)
			.map(StoreUnusable.class::cast)
			.findFirst()
			.orElse(null);
	}

}
