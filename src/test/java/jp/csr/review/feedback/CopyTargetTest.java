package jp.csr.review.feedback;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing a submission says (its 部署コード, its file name) can name a path outside
 * {@code <output>/差戻し/}.
 */
class CopyTargetTest {

	static final Path OUT = Path.of("/srv/review/output");

	static final Path BASE = OUT.resolve("差戻し");

	static final List<String> PLAN = List.of("ISEC", "RISK", "..", "A/B");

	@Test
	void aDepartmentOfThePlanGetsItsOwnFolder() {
		assertThat(AnnotatedCopies.target(OUT, PLAN, "RISK", "53期_RISK.xlsx"))
			.isEqualTo(BASE.resolve("RISK").resolve("53期_RISK.xlsx"));
	}

	@Test
	void unknownOrUnsafeCodesGoToTheUnknownFolder() {
		String longCode = "X".repeat(200);
		for (String code : new String[] { null, "", " ", ".", "..", "../..", "A/B", "a\\b", "/etc", "IS\nEC", "IS\u0000EC",
				"IS\u202EEC", ".hidden", longCode }) {
			assertThat(AnnotatedCopies.target(OUT, PLAN, code, "f.xlsx")).as("code %s", code)
				.isEqualTo(BASE.resolve("部署不明/f.xlsx"));
		}
		// not a department of the plan: no folder of its own, however harmless it looks
		assertThat(AnnotatedCopies.target(OUT, PLAN, "XYZ", "f.xlsx")).isEqualTo(BASE.resolve("部署不明/f.xlsx"));
		// even the plan cannot make a code a path
		assertThat(AnnotatedCopies.target(OUT, PLAN, "..", "f.xlsx")).isEqualTo(BASE.resolve("部署不明/f.xlsx"));
		assertThat(AnnotatedCopies.target(OUT, PLAN, "A/B", "f.xlsx")).isEqualTo(BASE.resolve("部署不明/f.xlsx"));
	}

	@Test
	void fileNamesAreOneSafeNameInTheFolder() {
		for (String name : new String[] { "..", ".", "", "../53期_行動計画振り返り.xlsx", "../../etc/passwd", "a/b.xlsx",
				"a\\..\\b.xlsx", "改行\n受理 偽物.xlsx", "制御\u001b[2J.xlsx", "\u202Excod.xlsx", ".hidden.xlsx",
				"C:\\x.xlsx", "nul\u0000.xlsx" }) {
			Path target = AnnotatedCopies.target(OUT, PLAN, "RISK", name);
			assertThat(target.getParent()).as(name).isEqualTo(BASE.resolve("RISK"));
			assertThat(target.normalize()).as(name).isEqualTo(target);
			String file = target.getFileName().toString();
			assertThat(file).as(name).isNotIn("", ".", "..").doesNotStartWith(".").doesNotContain("/", "\\", "\n", "\u001b",
					"\u202E", "\u0000");
		}
		assertThat(AnnotatedCopies.target(OUT, PLAN, "RISK", "改行\n受理.xlsx").getFileName()).hasToString("改行_受理.xlsx");
		assertThat(AnnotatedCopies.target(OUT, PLAN, "RISK", "../53期_行動計画振り返り.xlsx").getFileName())
			.hasToString("___53期_行動計画振り返り.xlsx");
		// the review's own name is harmless inside the folder: it is not the review
		assertThat(AnnotatedCopies.target(OUT, PLAN, "..", "53期_行動計画振り返り.xlsx"))
			.isEqualTo(BASE.resolve("部署不明/53期_行動計画振り返り.xlsx"));
	}

	@Test
	void aNameTooLongForTheFileSystemIsCutKeepingItsExtension() {
		String stem = "情".repeat(150); // 450 bytes: a name a Windows share takes, Linux does not
		Path target = AnnotatedCopies.target(OUT, PLAN, "ISEC", stem + ".xlsm");
		String name = target.getFileName().toString();
		assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
		assertThat(name).startsWith("情情情").endsWith(".xlsm");
		// two long names with the same beginning stay two copies
		assertThat(AnnotatedCopies.target(OUT, PLAN, "ISEC", stem + "別.xlsm")).isNotEqualTo(target);
		// a long name that fits is left alone
		String fits = "差".repeat(82) + ".xlsx";
		assertThat(fits.getBytes(StandardCharsets.UTF_8).length).isEqualTo(251);
		assertThat(AnnotatedCopies.target(OUT, PLAN, "ISEC", fits).getFileName()).hasToString(fits);
	}

}
