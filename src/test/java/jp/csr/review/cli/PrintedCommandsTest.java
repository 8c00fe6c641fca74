package jp.csr.review.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jp.csr.review.SampleFolders;
import jp.csr.review.config.ReviewProperties;
import jp.csr.review.store.ArchivedFiles;
import jp.csr.review.store.ArchivedFiles.ArchivedFile;
import jp.csr.review.store.DatabaseFile;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command the product prints for the admin to type next (restart, run, check, template) repeats the store and the
 * folders the admin typed: typed as printed, from anywhere, it acts on the same store. The folders here are set as
 * a command line sets them (not by a configuration file), so each counts as typed.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrintedCommandsTest {

	static final Path ROOT = SampleFolders.copy("printed-commands");

	static final Path STORE = ROOT.resolve("store").toAbsolutePath().normalize();

	static final Path INPUT = ROOT.resolve("input").toAbsolutePath().normalize();

	static final Path OUTPUT = ROOT.resolve("output").toAbsolutePath().normalize();

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	TypedCommands typed;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ArchivedFiles archived;

	@Test
	void everyPrintedCommandNamesTheStoreTyped(CapturedOutput output) throws Exception {
		int mark = output.getOut().length();
		// a run that fails in its write step (a file where the output folder should be): restart printed
		Files.writeString(OUTPUT, "in the way");
		assertThat(typed.exit("run")).isEqualTo(1);
		assertThat(typed.exit("status")).isZero();
		Files.delete(OUTPUT);
		// a new run instead: run 1 can no longer be restarted, and the refusal says what to type instead
		assertThat(typed.exit("run")).isZero();
		assertThat(typed.exit("restart", "1")).isEqualTo(2);

		// an archived file lost, and its original gone from the input folder too: check says how to put it back
		ArchivedFile lost = jdbc.sql("SELECT sha256, file_name, status FROM submission_file ORDER BY id LIMIT 1")
			.query((rs, n) -> ArchivedFile.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
		Files.delete(Path.of(archived.where(lost)));
		Files.move(INPUT.resolve(lost.fileName()), ROOT.resolve(lost.fileName()));
		assertThat(typed.exit("run")).isZero();
		assertThat(typed.exit("check")).isEqualTo(3);

		String console = output.getOut().substring(mark);
		List<String> printed = console.lines().filter(l -> l.contains("./review ")).toList();
		assertThat(printed).as(console)
			.anyMatch(l -> l.contains("./review restart 1 "))
			.anyMatch(l -> l.startsWith("再開: ./review restart 1 "))
			.anyMatch(l -> l.contains("./review run "))
			.anyMatch(l -> l.contains("./review check "))
			.anyMatch(l -> l.startsWith("保管ファイルが 1 件ありません"));
		assertThat(printed).allMatch(l -> l.contains(" --review.store=" + STORE), "names the store typed");
		assertThat(printed.stream().filter(l -> l.contains("./review check ")))
			.allMatch(l -> l.contains(" --review.input-dir=" + INPUT), "the input folder it puts files back from");
		assertThat(printed.stream().filter(l -> l.contains("./review run ")))
			.allMatch(l -> l.contains(" --review.input-dir=" + INPUT) && l.contains(" --review.output-dir=" + OUTPUT),
					"the folders of the run");
	}

	/** First, while the store has judged nothing: then next-term also says which run to make first. */
	@Test
	@Order(1)
	void nextTermsAdviceNamesTheStoreAndFoldersTyped(CapturedOutput output) throws Exception {
		int mark = output.getOut().length();
		// nothing judged yet: next-term says to run first, then which template command reads the plan it wrote
		assertThat(typed.exit("next-term", "--out", ROOT.resolve("54期_行動計画.xlsx").toString())).isZero();

		String console = output.getOut().substring(mark);
		List<String> printed = console.lines().filter(l -> l.contains("./review ")).toList();
		assertThat(printed).as(console).hasSize(2);
		assertThat(printed).allMatch(l -> l.contains(" --review.store=" + STORE), "names the store typed")
			.allMatch(l -> l.contains(" --review.output-dir=" + OUTPUT), "names the output folder typed");
		assertThat(printed.get(0)).contains("./review run ").contains(" --review.input-dir=" + INPUT);
		assertThat(printed.get(1)).contains("./review template ").contains(" --review.plan=");
	}

	@Test
	void theRestoreAdviceOfADamagedStoreNamesTheStoreTyped(@TempDir Path store) throws Exception {
		Files.writeString(Files.createDirectories(store.resolve("backup")).resolve("review-20261130-020000.db"), "");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource("--review.store=" + store));
		ReviewProperties properties = new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("review",
				ReviewProperties.class);

		List<String> advice = new DatabaseFile(properties, environment).damaged("壊れています").lines();

		assertThat(advice.stream().filter(l -> l.contains("./review "))).isNotEmpty()
			.allMatch(l -> l.contains("./review check --review.store=" + store.toAbsolutePath().normalize()));
	}

}
