package jp.csr.review.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The review's files written at once: each one's result, and a failure told only once every file is done. */
class OutputsTest {

	@TempDir
	Path dir;

	@Test
	void eachFileWrittenGivesItsOwnPath() throws Exception {
		try (Outputs outputs = new Outputs()) {
			Outputs.Written<Path> a = outputs.start(() -> Files.writeString(dir.resolve("a.txt"), "a"));
			Outputs.Written<Path> b = outputs.start(() -> Files.writeString(dir.resolve("b.txt"), "b"));
			Outputs.Written<Path> c = outputs.start(() -> Files.writeString(dir.resolve("c.txt"), "c"));
			outputs.awaitAll();

			assertThat(a.get()).hasContent("a");
			assertThat(b.get()).hasContent("b");
			assertThat(c.get()).hasContent("c");
		}
	}

	@Test
	void aFileThatFailsFailsTheStepOnlyOnceTheOthersAreWritten() {
		Path slow = dir.resolve("slow.txt");
		try (Outputs outputs = new Outputs()) {
			outputs.start(() -> {
				throw new IOException("ディスクがいっぱいです");
			});
			outputs.start(() -> {
				return slowly(slow);
			});

			assertThatThrownBy(outputs::awaitAll).isInstanceOf(IOException.class).hasMessage("ディスクがいっぱいです");
			assertThat(slow).hasContent("whole");
		}
	}

	@Test
	void theStepsOwnFailureStillWaitsForTheFilesBeingWritten() {
		Path slow = dir.resolve("slow.txt");
		assertThatThrownBy(() -> {
			try (Outputs outputs = new Outputs()) {
				outputs.start(() -> {
					return slowly(slow);
				});
				throw new IllegalStateException("注記付きの写しを書けませんでした");
			}
		}).isInstanceOf(IllegalStateException.class);
		assertThat(slow).hasContent("whole");
	}

	/** A file that takes a while: still being written when the other thread has failed. */
	private static Path slowly(Path file) throws IOException {
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		return Files.writeString(file, "whole");
	}

	@Test
	void aReviewTooLargeForTwoFilesInTheHeapIsWrittenOneFileAfterTheOther() {
		long heap = 256L * 1024 * 1024;
		// 2,000 departments: 20,000 rows; 10,000 departments: 100,000 rows
		assertThat(Outputs.threads(20_000, heap)).isEqualTo(Math.min(2, Runtime.getRuntime().availableProcessors()));
		assertThat(Outputs.threads(100_000, heap)).isEqualTo(1);
		assertThat(Outputs.threads(100_000, 4 * heap)).isEqualTo(Math.min(2, Runtime.getRuntime().availableProcessors()));
	}

}
