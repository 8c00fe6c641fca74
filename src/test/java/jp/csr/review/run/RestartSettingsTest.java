package jp.csr.review.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.config.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office folder (review.office-dir) is a setting of the run like its siblings: kept in the run's parameters,
 * used by its restart whatever the restart's configuration says, and from another host replaced by a path typed on
 * the restart's command line or, when that host does not have it, the restart refused naming host and setting.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartSettingsTest {

	@TempDir
	Path temp;

	@Test
	void aRestartReadsTheOfficeFolderOfItsRun(CapturedOutput console) throws Exception {
		Path theirs = Files.createDirectories(temp.resolve("run/office"));
		JobParameters recorded = RunSettings.parameters(settings(theirs)).toJobParameters();
		assertThat(recorded.getString("review.office-dir")).isEqualTo(theirs.toString());

		JobParameters restart = restartSettings(settings(temp.resolve("configured/office"))).decide(run(recorded)).orElseThrow();
		assertThat(restart.getString("review.office-dir")).isEqualTo(theirs.toString());
		assertThat(RunSettings.of(settings(temp.resolve("configured/office")), restart).officeDir()).isEqualTo(theirs);
		assertThat(console.getOut()).contains("review.office-dir: 実行 1 の設定 " + theirs + " を使います (この起動の設定 "
				+ temp.resolve("configured/office") + " は使いません)");
	}

	@Test
	void anOfficeFolderTheOtherHostHasAndThisOneNotStopsTheRestartNamingHostAndSetting(CapturedOutput console) throws Exception {
		Path theirs = temp.resolve("host-a/office");
		JobParameters recorded = fromHostA(settings(theirs));

		Optional<JobParameters> refused = restartSettings(settings(temp.resolve("configured/office"))).decide(run(recorded));
		assertThat(refused).isEmpty();
		assertThat(console.getOut()).contains("review.office-dir: 実行 1 の設定 " + theirs + " はホスト host-a のもので、このホスト "
				+ RunSettings.localHost() + " にはありません")
			.contains("このホストの場所を --review.office-dir=… で指定して再開するか");
	}

	@Test
	void anOfficeFolderTypedOnTheRestartTakesThePlaceOfTheOtherHostsAndIsSaid(CapturedOutput console) throws Exception {
		Path theirs = temp.resolve("host-a/office");
		Path mine = Files.createDirectories(temp.resolve("host-b/office"));
		JobParameters recorded = fromHostA(settings(theirs));

		JobParameters restart = restartSettings(settings(mine), "--review.office-dir=" + mine).decide(run(recorded))
			.orElseThrow();
		assertThat(restart.getString("review.office-dir")).isEqualTo(mine.toString());
		assertThat(console.getOut()).contains("review.office-dir: 実行 1 の設定 " + theirs + " に代えて、この起動の " + mine
				+ " を使います (別のホスト " + RunSettings.localHost() + " から再開)");
	}

	/** A run of host A whose plan and input and output folders this host has too: only the office folder differs. */
	private JobParameters fromHostA(ReviewProperties settings) throws Exception {
		Files.createDirectories(temp.resolve("input"));
		Files.createDirectories(temp.resolve("output"));
		Files.writeString(temp.resolve("plan.xlsx"), "");
		return new JobParametersBuilder(
				RunSettings.parameters(settings).toJobParameters())
			.addString("review.host", "host-a", false)
			.toJobParameters();
	}

	private ReviewProperties settings(Path office) {
		return new ReviewProperties(temp.resolve("plan.xlsx"), temp.resolve("input"), temp.resolve("output"),
				temp.resolve("store"), "0 0 2 * * *", ZoneId.of("Asia/Tokyo"), Duration.ofSeconds(5), Map.of(), "", 0, 50,
				new ReviewProperties.Backup(7), new ReviewProperties.Remind("", ""), new ReviewProperties.Pdf(null), office);
	}

	private static RestartSettings restartSettings(ReviewProperties properties, String... commandLine) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(commandLine));
		return new RestartSettings(properties, environment, new RunReport(null, properties, null, environment, null));
	}

	private static JobExecution run(JobParameters recorded) {
		return new JobExecution(1L, new JobInstance(1L, "consolidation"), recorded);
	}

}
