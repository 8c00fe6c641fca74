package jp.csr.review.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import jp.csr.review.sample.SampleWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run parses the plan once; an edit of the plan, by content or only by date, is read again. */
class PlanCacheTest {

	@TempDir
	Path dir;

	@Test
	void anUnchangedPlanIsParsedOnce() {
		Path file = dir.resolve("plan.xlsx");
		SampleWorkbooks.writePlan(file);
		PlanCache cache = new PlanCache();
		Plan first = cache.read(file);
		assertThat(cache.read(file)).isSameAs(first);
		assertThat(cache.read(dir.resolve(".").resolve("plan.xlsx"))).as("the same file by another path").isSameAs(first);
	}

	@Test
	void anEditedPlanIsReadAgain() throws Exception {
		Path file = dir.resolve("plan.xlsx");
		Plan sample = SampleWorkbooks.plan();
		SampleWorkbooks.writePlan(sample, file);
		PlanCache cache = new PlanCache();
		Plan first = cache.read(file);

		FileTime written = Files.getLastModifiedTime(file);
		Plan edited = new Plan(sample.group() + "（改訂版: 第二版の行動計画）", sample.term() + 1, sample.start(), sample.end(), sample.deadline(),
				sample.departments(), sample.kpis(), sample.initiatives());
		SampleWorkbooks.writePlan(edited, file);
		// as if edited within the same clock tick: the size still tells
		Files.setLastModifiedTime(file, written);
		assertThat(cache.read(file).term()).isEqualTo(sample.term() + 1);

		Plan second = cache.read(file);
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
		Plan touched = cache.read(file);
		assertThat(touched).as("only its date changed: parsed again").isNotSameAs(second).isEqualTo(second);
		assertThat(first.term()).isEqualTo(sample.term());
	}

	@Test
	void aPlanThatBecameUnusableIsNotServedFromBefore() throws Exception {
		Path file = dir.resolve("plan.xlsx");
		SampleWorkbooks.writePlan(file);
		PlanCache cache = new PlanCache();
		cache.read(file);
		Files.write(file, List.of("not a workbook"));
		assertThatThrownBy(() -> cache.read(file)).isInstanceOf(PlanException.class);
		Files.delete(file);
		assertThatThrownBy(() -> cache.read(file)).isInstanceOf(PlanException.class).hasMessageContaining("ファイルがありません");
	}

	/** The next process reads the plan parsed by the last one, kept in the store; anything doubtful is parsed again. */
	@Test
	void aPlanParsedIsKeptForTheNextProcessWhileItsBytesAreTheSame() throws Exception {
		Path file = dir.resolve("plan.xlsx");
		Plan sample = SampleWorkbooks.plan();
		SampleWorkbooks.writePlan(sample, file);
		Path folder = dir.resolve("store/cache");
		Plan parsed = new PlanCache(folder).read(file);
		List<Path> kept = keptPlans(folder);
		assertThat(kept).hasSize(1);

		Plan again = new PlanCache(folder).read(file);
		assertThat(again).isEqualTo(parsed).isNotSameAs(parsed);
		assertThat(again.kpisOf(sample.commitments().get(0))).as("its indexes built again")
			.isEqualTo(parsed.kpisOf(sample.commitments().get(0)));
		assertThat(keptPlans(folder)).isEqualTo(kept);

		// a kept plan that is damaged, or that is not a plan: the workbook is parsed again, and kept anew
		Files.write(kept.get(0), new byte[] { (byte) 0xAC, (byte) 0xED, 0, 5, 't', 0, 1, 'x' });
		assertThat(new PlanCache(folder).read(file)).isEqualTo(parsed);
		assertThat(new PlanCache(folder).read(file)).isEqualTo(parsed);

		// other bytes, another plan: never the kept one; only the newest few are kept
		for (int i = 1; i <= PlanCache.KEPT + 1; i++) {
			Plan edited = new Plan(sample.group(), sample.term() + i, sample.start(), sample.end(), sample.deadline(),
					sample.departments(), sample.kpis(), sample.initiatives());
			SampleWorkbooks.writePlan(edited, file);
			assertThat(new PlanCache(folder).read(file).term()).isEqualTo(sample.term() + i);
		}
		assertThat(keptPlans(folder)).hasSize(PlanCache.KEPT);
	}

	/** A folder that cannot hold kept plans (a file in its place) only means no keeping. */
	@Test
	void aFolderThatCannotKeepPlansIsNoProblem() throws Exception {
		Path file = dir.resolve("plan.xlsx");
		SampleWorkbooks.writePlan(file);
		Path folder = Files.writeString(dir.resolve("cache"), "a file, not a folder");
		assertThat(new PlanCache(folder).read(file)).isEqualTo(new PlanCache().read(file));
	}

	private static List<Path> keptPlans(Path folder) throws Exception {
		try (var files = Files.list(folder)) {
			return files.sorted().toList();
		}
	}


	/** The fingerprint of a review names the bytes its plan was parsed from, not the file as it is later. */
	@Test
	void thePlanIsKnownByTheHashOfTheBytesParsed() throws Exception {
		Path file = dir.resolve("plan.xlsx");
		SampleWorkbooks.writePlan(file);
		PlanCache cache = new PlanCache(dir.resolve("cache"));
		Plan plan = cache.read(file);
		String parsed = java.util.HexFormat.of().formatHex(
				java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		assertThat(cache.sha256(plan)).isEqualTo(parsed);

		Plan sample = SampleWorkbooks.plan();
		SampleWorkbooks.writePlan(new Plan(sample.group(), sample.term() + 1, sample.start(), sample.end(), sample.deadline(),
				sample.departments(), sample.kpis(), sample.initiatives()), file);
		assertThat(cache.sha256(plan)).as("saved since: not the bytes of that plan").isEqualTo(parsed);
		Plan edited = cache.read(file);
		assertThat(cache.sha256(edited)).isNotEqualTo(parsed);
		assertThat(cache.sha256(plan)).as("no longer the plan held").isNull();
	}
}
