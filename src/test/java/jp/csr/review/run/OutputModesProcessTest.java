package jp.csr.review.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jp.csr.review.feedback.Drops;
import jp.csr.review.testing.ReviewProcesses.Child;
import jp.csr.review.testing.ReviewProcesses.Folders;
import jp.csr.review.testing.ReviewProcesses.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §7, every output file follows the umask: the review, an annotated copy and a template get the
 * mode any new file gets from the process (0666 less its umask), whatever temporary file they were written to
 * first. The store's archive too, as the database beside it (SQLite creates it so): who may read the store is
 * the umask's, or the store folder's, to say. Real processes started through
 * {@code sh -c 'umask …; exec java …'}, as cron or systemd starts them with the umask they set.
 */
class OutputModesProcessTest {

	@TempDir
	Path temp;

	@Test
	void theReviewAnAnnotatedCopyAndATemplateGetTheModeOfTheUmask() throws Exception {
		Folders open = folders(temp.resolve("022"));
		Folders group = folders(temp.resolve("027"));
		// a template on a store of its own: two processes would migrate one store at the same time
		Path openTemplates = temp.resolve("022-templates");
		Path groupTemplates = temp.resolve("027-templates");
		// all four at once: they are independent, and a JVM's start is most of each
		List<Child> children = List.of(start(open, "022", "run"), start(group, "027", "run"),
				start(Folders.in(openTemplates), "022", "template", "--department", "ISEC", "--out", openTemplates.toString()),
				start(Folders.in(groupTemplates), "027", "template", "--department", "ISEC", "--out", groupTemplates.toString()));
		for (Child child : children) {
			Result result = child.result();
			assertThat(result.exit()).as(result.output()).isIn(0, 3);
		}
		assertModes(open, openTemplates, "rw-r--r--");
		assertModes(group, groupTemplates, "rw-r-----");
	}

	private static void assertModes(Folders f, Path templates, String mode) throws IOException {
		Path copy = f.output().resolve("差戻し/DEV/53期_DEV_再提出.xlsx");
		assertThat(mode(f.review())).as("the review").isEqualTo(mode);
		assertThat(mode(copy)).as("an annotated copy").isEqualTo(mode);
		assertThat(mode(templates.resolve("53期_ISEC_情報セキュリティ部.xlsx"))).as("a template").isEqualTo(mode);
		try (Stream<Path> archived = Files.list(f.store().resolve("archive"))) {
			assertThat(archived.map(OutputModesProcessTest::mode).distinct().toList()).as("the store's archive")
				.containsExactly(mode);
		}
		try (Stream<Path> output = Files.list(f.output())) {
			assertThat(output.map(p -> p.getFileName().toString())).as("no temporary file left")
				.noneMatch(name -> name.endsWith(".tmp"));
		}
	}

	/** The sample drop and a newer file of DEV that is rejected, for an annotated copy. */
	private static Folders folders(Path root) throws IOException {
		Folders f = Folders.in(root);
		Drops.drop(f.input(), "DEV", "53期_DEV_再提出.xlsx", wb -> Drops.cell(wb, "KPI!F2").setCellValue("少し"),
				Instant.now().minusSeconds(10));
		return f;
	}

	private static Child start(Folders f, String umask, String command, String... options) throws IOException {
		List<String> line = new ArrayList<>(List.of("sh", "-c", "umask " + umask + "; exec \"$@\"", "sh"));
		line.addAll(f.line(command, options));
		return f.start(line);
	}

	private static String mode(Path file) {
		try {
			return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
		}
		catch (IOException ex) {
			throw new AssertionError(file + ": " + ex, ex);
		}
	}

}
