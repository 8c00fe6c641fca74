package jp.csr.review.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** PRODUCT.md §3: what the scan takes, ignores and leaves for the next run. */
class InboxScannerTest {

	static final Instant NOW = Instant.parse("2025-10-31T00:00:00Z");

	@TempDir
	Path inbox;

	Path file(String name, Instant modified) throws Exception {
		Path file = inbox.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, name);
		Files.setLastModifiedTime(file, FileTime.from(modified));
		return file;
	}

	@Test
	void takesWorkbooksOfSubfoldersOldestFirstAndIgnoresLockHiddenAndTemporaryFiles() throws Exception {
		file("b.xlsx", NOW.minusSeconds(100));
		file("dept/a.xlsm", NOW.minusSeconds(300));
		file("c.xls", NOW.minusSeconds(200));
		file("~$b.xlsx", NOW.minusSeconds(500));
		file(".hidden.xlsx", NOW.minusSeconds(500));
		file("~tmp1234.xlsx", NOW.minusSeconds(500));
		file("draft.xlsx.tmp", NOW.minusSeconds(500));
		file(".Trash/old.xlsx", NOW.minusSeconds(500));
		file("notes.txt", NOW.minusSeconds(500));

		List<InboxScanner.Found> found = new InboxScanner(Duration.ofSeconds(5)).scan(inbox, NOW);

		assertThat(found).filteredOn(f -> !f.outOfScope()).extracting(f -> inbox.relativize(f.path()).toString())
			.containsExactly("dept/a.xlsm", "c.xls", "b.xlsx");
		assertThat(found).noneMatch(InboxScanner.Found::settling);
	}

	@Test
	void everyOtherFileIsFoundToBeAnswered() throws Exception {
		file("計画.ods", NOW.minusSeconds(600));
		file("計画.xlsb", NOW.minusSeconds(500));
		file("計画.csv", NOW.minusSeconds(400));
		file("報告書.pdf", NOW.minusSeconds(300));
		file("メモ.docx", NOW.minusSeconds(200));
		file("~$計画.xlsx", NOW.minusSeconds(100));

		List<InboxScanner.Found> found = new InboxScanner(Duration.ofSeconds(5)).scan(inbox, NOW);

		assertThat(found).filteredOn(f -> !f.outOfScope()).extracting(f -> f.path().getFileName().toString())
			.containsExactly("計画.ods", "計画.xlsb", "計画.csv");
		assertThat(found).filteredOn(InboxScanner.Found::outOfScope).extracting(f -> f.path().getFileName().toString())
			.containsExactly("報告書.pdf", "メモ.docx");
	}

	@Test
	void aFileModifiedWithinTheSettleTimeWaits() throws Exception {
		file("writing.xlsx", NOW.minusSeconds(2));
		file("done.xlsx", NOW.minusSeconds(10));

		List<InboxScanner.Found> found = new InboxScanner(Duration.ofSeconds(5)).scan(inbox, NOW);

		assertThat(found).filteredOn(InboxScanner.Found::settling).extracting(f -> f.path().getFileName().toString())
			.containsExactly("writing.xlsx");
		assertThat(found).filteredOn(f -> !f.settling()).extracting(f -> f.path().getFileName().toString())
			.containsExactly("done.xlsx");
	}

	@Test
	void theScanNeverModifiesTheInputFolder() throws Exception {
		Path file = file("a.xlsx", NOW.minusSeconds(100));
		FileTime before = Files.getLastModifiedTime(file);
		new InboxScanner(Duration.ofSeconds(5)).scan(inbox, NOW);
		assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
		assertThat(Files.readString(file)).isEqualTo("a.xlsx");
	}

}
