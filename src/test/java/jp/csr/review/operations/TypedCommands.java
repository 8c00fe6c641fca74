package jp.csr.review.operations;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.stereotype.Component;

/** A command line typed into the running application, as {@code ./review …} would give it, for tests in one JVM. */
@Component
class TypedCommands {

	private final Commands commands;

	TypedCommands(Commands commands) {
		this.commands = commands;
	}

	/** @return the exit code */
	int exit(String... args) throws Exception {
		commands.run(new DefaultApplicationArguments(args));
		return commands.getExitCode();
	}

}
