package jp.csr.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.csr.review.HostileCorpus.Case;
import jp.csr.review.HostileCorpus.Expect;
import jp.csr.review.workbook.ReadBothWays;
import jp.csr.review.workbook.StreamedWorkbook;
import jp.csr.review.workbook.WorkbookLimits;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file of the hostile drop folder ({@link HostileCorpus}) the streaming reader reads, it reads cell for cell as
 * POI's usermodel does, and refuses the same oversized sheets as {@link WorkbookLimits}; what it cannot read so
 * (XML attacks, zip tricks, encryption, what is no workbook) it leaves to the usermodel, which answers as before.
 * The valid and accepted submissions are streamed, not left.
 */
class HostileFilesReadAlikeTest {

	@TempDir
	Path root;

	@Test
	void everyHostileFileIsReadAsTheUsermodelReadsItOrLeftToIt() throws Exception {
		HostileCorpus corpus = HostileCorpus.build(root);
		SoftAssertions soft = new SoftAssertions();
		List<String> streamed = new ArrayList<>();
		List<String> left = new ArrayList<>();
		for (Case c : corpus.cases) {
			Path file = c.file();
			if (!Files.isRegularFile(file)) {
				continue;
			}
			StreamedWorkbook read;
			try {
				read = StreamedWorkbook.read(file);
			}
			catch (Exception ex) {
				left.add(c.what() + " (" + ex.getClass().getSimpleName() + ")");
				soft.assertThat(c.expect()).as("%s is left to the usermodel", c.what()).isNotEqualTo(Expect.ACCEPTED);
				continue;
			}
			streamed.add(c.what());
			Optional<WorkbookLimits.Excess> excess = read.excess();
			soft.assertThat(excess).as("%s: the sheet over the limits", c.what()).isEqualTo(WorkbookLimits.check(file));
			if (excess.isEmpty()) {
				soft.assertThatCode(() -> ReadBothWays.assertReadAlike(file)).as(c.what()).doesNotThrowAnyException();
			}
		}
		System.out.println("streamed: " + streamed);
		System.out.println("left to the usermodel: " + left);
		soft.assertThat(streamed).as("streamed").contains("有効な提出 (ISEC)", "有効な提出 (COMP)", "40,000 文字のセル (ハイライト)",
				"備考に「-」が 1,048,575 行すべて (SXSSF の書き方)", "非表示の重複シート「ＫＰＩ」(NFKC で KPI) を先頭に");
		soft.assertThat(left).as("left to the usermodel").anyMatch(s -> s.startsWith("外部実体参照"))
			.anyMatch(s -> s.startsWith("実体の指数的展開")).anyMatch(s -> s.startsWith("workbook.xml に DOCTYPE"))
			.anyMatch(s -> s.startsWith("パスワードで暗号化"));
		soft.assertAll();
	}

}
