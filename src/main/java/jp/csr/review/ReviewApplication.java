package jp.csr.review;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Stream;

import jp.csr.review.cli.ReviewCommandLine;
import jp.csr.review.cli.StorelessCommands;
import jp.csr.review.store.StoreUnusable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReviewApplication {

	public static void main(String[] args) {
		// help, the version and usage errors are answered before Spring starts: at once, and never touching the
		// store; usage asked for goes to stdout, usage shown because of a mistake to stderr
		ReviewCommandLine.Outcome outcome = ReviewCommandLine.parse(args, ReviewCommandLine.callerDir());
		if (outcome instanceof ReviewCommandLine.Answer answer) {
			PrintStream console = new PrintStream(
					new FileOutputStream(answer.error() ? FileDescriptor.err : FileDescriptor.out), true,
					StandardCharsets.UTF_8);
			console.print(answer.text());
			console.flush();
			System.exit(answer.code());
		}
		int exit;
		try {
			ReviewCommandLine.Start start = (ReviewCommandLine.Start) outcome;
			// validate and template need no store: a database that is down or not configured here is none of theirs
			SpringApplication application = StorelessCommands.runs(start) ? StorelessCommands.application()
					: new SpringApplication(ReviewApplication.class);
			exit = SpringApplication.exit(application.run(start.springArgs()));
		}
		catch (RuntimeException ex) {
			// The context did not start; Boot has logged why. A store kept busy by another process is a
			// failed run to retry (1); anything else is bad configuration (PRODUCT.md §7: 2). A store the
			// command cannot use (damaged, not writable) was explained, with the command's own exit code.
			exit = StoreUnusable.exitCodeIn(ex).orElse(storeBusy(ex) ? 1 : 2);
		}
		System.exit(exit);
	}

	/** Any cause's message counts, not only the root's. */
	static boolean storeBusy(Throwable ex) {
		return Stream.iterate(ex, Objects::nonNull, t -> t.getCause() == t ? null : t.getCause())
			.map(Throwable::getMessage)
			.anyMatch(message -> message != null && message.contains("SQLITE_BUSY"));
	}

}
