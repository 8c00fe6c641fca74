package jp.csr.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package tree is the pipeline, and stays so: commands above the run, the run above the stages, the stages above
 * the store, the plan and the workbook toolkit; no package cycle; every package says in one sentence what it is; no
 * class a newcomer has to scroll through.
 */
@AnalyzeClasses(packages = "jp.csr.review", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final Path MAIN = Path.of("src/main/java/jp/csr/review");

	@ArchTest
	static final ArchRule packagesHaveNoCycles = slices().matching("jp.csr.review.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule commandsAboveTheRunAboveTheStagesAboveTheFoundation = layeredArchitecture()
		.consideringOnlyDependenciesInLayers()
		.layer("Application").definedBy("jp.csr.review")
		.layer("Command line").definedBy("jp.csr.review.cli..")
		.layer("Commands").definedBy("jp.csr.review.daemon..", "jp.csr.review.status..", "jp.csr.review.check..",
				"jp.csr.review.nextterm..", "jp.csr.review.remind..", "jp.csr.review.template..")
		.layer("Run").definedBy("jp.csr.review.run..")
		.layer("Stages").definedBy("jp.csr.review.scan..", "jp.csr.review.load..", "jp.csr.review.validation..",
				"jp.csr.review.judge..", "jp.csr.review.write..", "jp.csr.review.content..", "jp.csr.review.reviewbook..",
				"jp.csr.review.reviewpdf..", "jp.csr.review.feedback..", "jp.csr.review.web..", "jp.csr.review.office..")
		.layer("Foundation").definedBy("jp.csr.review.store..", "jp.csr.review.plan..", "jp.csr.review.workbook..",
				"jp.csr.review.form..", "jp.csr.review.config..", "jp.csr.review.console..", "jp.csr.review.lock..")
		.whereLayer("Command line").mayOnlyBeAccessedByLayers("Application")
		.whereLayer("Commands").mayOnlyBeAccessedByLayers("Command line")
		.whereLayer("Run").mayOnlyBeAccessedByLayers("Command line", "Commands")
		.whereLayer("Stages").mayOnlyBeAccessedByLayers("Command line", "Commands", "Run")
		.whereLayer("Foundation").mayOnlyBeAccessedByLayers("Application", "Command line", "Commands", "Run", "Stages");

	@Test
	void everyPackageSaysWhatItIs() throws IOException {
		try (Stream<Path> dirs = Files.walk(MAIN)) {
			List<Path> withoutInfo = dirs.filter(Files::isDirectory)
				.filter(dir -> !Files.exists(dir.resolve("package-info.java")))
				.toList();
			assertThat(withoutInfo).isEmpty();
		}
	}

	@Test
	void noClassOver400Lines() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			List<String> long_ = files.filter(f -> f.toString().endsWith(".java")).filter(f -> lines(f) > 400)
				.map(f -> MAIN.relativize(f) + " " + lines(f))
				.toList();
			assertThat(long_).isEmpty();
		}
	}

	/** Comments say why; where a line came from is the history's to tell. */
	@Test
	void noCommentCitesAnIssue() throws IOException {
		Pattern issue = Pattern.compile("(?i)\\bissues? \\d+");
		try (Stream<Path> files = Stream.concat(Files.walk(MAIN), Files.walk(Path.of("src/test/java")))) {
			List<String> citing = files.filter(f -> f.toString().endsWith(".java"))
				.flatMap(f -> read(f).stream().filter(l -> issue.matcher(l).find()).map(l -> f + ": " + l.strip()))
				.toList();
			assertThat(citing).isEmpty();
		}
	}

	private static long lines(Path file) {
		return read(file).size();
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
