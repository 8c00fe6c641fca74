package jp.csr.review.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.csr.review.testing.ReviewProcesses;
import jp.csr.review.testing.ReviewProcesses.Child;
import jp.csr.review.testing.ReviewProcesses.Folders;
import jp.csr.review.testing.ReviewProcesses.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §10, upgrades: the current build pointed at a store and output folder the build of 2026-11-25 wrote
 * (the fixture under {@code upgrade/built-2026-11-25}, README "Upgrades" says how it was made) goes on as if it
 * had written them itself: given the same files and more, its review and its annotated copies are those of a
 * fresh store given all of them, and no copy is written twice.
 */
class UpgradeFromTheOldestBuildProcessTest {

	static final Path FIXTURE = Path.of("src/test/resources/upgrade/built-2026-11-25");

	/** The second night's files come a day after the first night's. */
	static final Instant NEXT_DAY = Instant.parse("2025-10-21T01:00:00Z");

	@TempDir
	Path temp;

	@Test
	void anUpgradedStoreLeavesTheAnnotatedCopiesAFreshStoreWould() throws Exception {
		Folders upgraded = upgraded(temp.resolve("upgraded"));
		Folders fresh = fresh(temp.resolve("fresh"), upgraded);

		// two stores of their own: both runs at once
		Child upgrading = upgraded.start("run");
		Child first = fresh.start("run");
		Result later = upgrading.result();
		Result once = first.result();

		assertThat(later.exit()).as(later.output()).isEqualTo(3);
		assertThat(once.exit()).as(once.output()).isEqualTo(3);
		assertThat(later.output()).doesNotContain("前回書けなかった");
		assertThat(copies(upgraded)).containsExactlyElementsOf(copies(fresh))
			.containsExactly("DEV/", "DEV/53期_DEV_システム開発部.xlsx", "PRIV/", "PRIV/53期_PRIV_追加.xlsx", "部署不明/",
					"部署不明/53期_BUT_提出.xlsx");
		assertThat(outside(ISSUES, upgraded)).containsExactlyElementsOf(outside(ISSUES, fresh));
		// 検証結果 lists what its run found and what is still open (§6): the fresh run found every file's issues
		// itself, the upgraded one only the new files'; both list the open ones alike
		assertThat(issueRows(upgraded)).isSubsetOf(issueRows(fresh))
			.extracting(row -> row.substring(0, row.indexOf('|')))
			.containsExactly("53期_DEV_システム開発部.xlsx", "53期_PRIV_追加.xlsx");
	}

	/**
	 * The same old store as if that build had been given only the rejected files: it stored no term for a rejected
	 * file, and the migration to terms takes one from an accepted file, so these have none. The current build gives
	 * them its plan's term; their copies, settled since, go.
	 */
	@Test
	void copiesOfAStoreThatHadAcceptedNothingAreSettledByTheFilesAcceptedSince() throws Exception {
		Folders upgraded = upgraded(temp.resolve("upgraded"));
		try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + upgraded.store().resolve("review.db"));
				Statement s = c.createStatement()) {
			String accepted = "(SELECT id FROM submission_file WHERE status = 'ACCEPTED')";
			for (String table : List.of("kpi_result", "initiative_result", "highlight", "validation_issue", "scan_candidate")) {
				s.executeUpdate("DELETE FROM " + table + " WHERE file_id IN " + accepted);
			}
			s.executeUpdate("DELETE FROM kpi_judgement");
			s.executeUpdate("DELETE FROM initiative_mark");
			s.executeUpdate("DELETE FROM submission_file WHERE status = 'ACCEPTED'");
		}
		try (Stream<Path> archived = Files.list(upgraded.store().resolve("archive"))) {
			for (Path p : archived.toList()) {
				Files.delete(p);
			}
		}
		Folders fresh = fresh(temp.resolve("fresh"), upgraded);

		// two stores of their own: both runs at once
		Child upgrading = upgraded.start("run");
		Child first = fresh.start("run");
		Result later = upgrading.result();
		Result once = first.result();

		assertThat(later.exit()).as(later.output()).isEqualTo(3);
		assertThat(once.exit()).as(once.output()).isEqualTo(3);
		assertThat(later.output()).doesNotContain("前回書けなかった");
		assertThat(copies(upgraded)).containsExactlyElementsOf(copies(fresh))
			.containsExactly("DEV/", "DEV/53期_DEV_システム開発部.xlsx", "PRIV/", "PRIV/53期_PRIV_追加.xlsx", "部署不明/",
					"部署不明/53期_BUT_提出.xlsx");
		assertThat(outside(ISSUES, upgraded)).containsExactlyElementsOf(outside(ISSUES, fresh));
	}

	static final String ISSUES = "検証結果";

	/** The review's cells but those of {@code sheet}. */
	static List<String> outside(String sheet, Folders folders) throws IOException {
		return ReviewProcesses.cells(folders.review()).stream().filter(c -> !c.startsWith(sheet + "!")).toList();
	}

	/** 検証結果's rows, each as its cells' texts joined by |. */
	static List<String> issueRows(Folders folders) throws IOException {
		Map<Integer, List<String>> rows = new TreeMap<>();
		for (String cell : ReviewProcesses.cells(folders.review())) {
			Matcher m = CELL.matcher(cell);
			if (cell.startsWith(ISSUES + "!") && m.find() && !"1".equals(m.group(1))) {
				rows.computeIfAbsent(Integer.parseInt(m.group(1)), r -> new ArrayList<>()).add(m.group(2));
			}
		}
		return rows.values().stream().map(texts -> String.join("|", texts)).toList();
	}

	private static final Pattern CELL = Pattern.compile("^[^!]+![A-Z]+(\\d+)=(.*)$", Pattern.DOTALL);

	/** The fixture copied: the old build's store, output and input, and the next day's files in the input. */
	private static Folders upgraded(Path root) throws IOException {
		copyTree(FIXTURE, root);
		Folders folders = new Folders(root, root.resolve("store"), root.resolve("input"), root.resolve("output"),
				root.resolve("plan.xlsx"), List.of());
		receivedAsTheOldBuildRecorded(folders);
		Files.copy(Path.of("config/plan.xlsx"), folders.plan());
		Drops.drop(folders.input(), "COMP", "53期_COMP_コンプライアンス推進部.xlsx", wb -> {
		}, NEXT_DAY);
		Drops.drop(folders.input(), "ISEC", "53期_ISEC_再提出.xlsx", wb -> Drops.cell(wb, "表紙!B5").setCellValue("再提出 太郎"),
				NEXT_DAY);
		Drops.drop(folders.input(), "PRIV", "53期_PRIV_追加.xlsx", wb -> Drops.cell(wb, "KPI!F2").setCellValue("少々"),
				NEXT_DAY);
		return folders;
	}

	/**
	 * A checkout gives every file the time it was checked out: the input files get back the times the old build
	 * recorded, which decide which of a department's files is its newest, for the fresh store as for the old one.
	 */
	private static void receivedAsTheOldBuildRecorded(Folders folders) throws IOException {
		try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folders.store().resolve("review.db"));
				Statement s = c.createStatement();
				ResultSet rows = s.executeQuery("SELECT file_name, modified_at FROM submission_file")) {
			while (rows.next()) {
				Files.setLastModifiedTime(folders.input().resolve(rows.getString(1)),
						FileTime.from(Instant.parse(rows.getString(2))));
			}
		}
		catch (SQLException ex) {
			throw new IOException(ex);
		}
	}

	/** An empty store given the same input files, with the same modification times. */
	private static Folders fresh(Path root, Folders upgraded) throws IOException {
		Folders folders = new Folders(root, root.resolve("store"), root.resolve("input"), root.resolve("output"),
				root.resolve("plan.xlsx"), List.of());
		copyTree(upgraded.input(), folders.input());
		Files.createDirectories(folders.output());
		Files.copy(Path.of("config/plan.xlsx"), folders.plan());
		return folders;
	}

	/** Every folder (ending in /) and file under 差戻し/, relative to it, sorted. */
	static List<String> copies(Folders folders) throws IOException {
		Path base = folders.output().resolve(AnnotatedCopies.FOLDER);
		try (Stream<Path> all = Files.walk(base)) {
			return all.filter(p -> !p.equals(base))
				.map(p -> base.relativize(p).toString() + (Files.isDirectory(p) ? "/" : ""))
				.sorted()
				.toList();
		}
	}

	static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> all = Files.walk(from)) {
			for (Path p : all.toList()) {
				Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

}
