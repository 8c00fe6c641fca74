package jp.csr.review.cli;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.stereotype.Component;

/** A command line typed into the running application, as {@code ./review …} would give it, for tests in one JVM. */
@Component
public class TypedCommands {

	private final Commands commands;

	TypedCommands(Commands commands) {
		this.commands = commands;
	}

	/** @return the exit code */
	public int exit(String... args) throws Exception {
		commands.run(new DefaultApplicationArguments(args));
		return commands.getExitCode();
	}

}
