package jp.csr.review.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import jp.csr.review.SampleFolders;
import jp.csr.review.testing.SharedStoreToo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** PRODUCT.md §7: the exit codes of validate, template, run, status and bad usage. */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@SharedStoreToo
class CommandsTest {

	static final Path ROOT = SampleFolders.copy("commands");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	TypedCommands typed;

	@Autowired
	JdbcClient jdbc;

	int exit(String... args) throws Exception {
		return typed.exit(args);
	}

	@Test
	void validateIsZeroForValidFilesThreeForAnInvalidOneTwoForBadUsage() throws Exception {
		Path good = ROOT.resolve("input/53期_AD_広告審査部.xlsx");
		Path bad = Files.writeString(ROOT.resolve("broken.xlsx"), "not a workbook");
		assertThat(exit("validate", good.toString())).isZero();
		assertThat(exit("validate", good.toString(), bad.toString())).isEqualTo(3);
		assertThat(exit("validate")).isEqualTo(2);
		assertThat(exit("validate", ROOT.resolve("missing.xlsx").toString())).isEqualTo(2);
		assertThat(Files.exists(ROOT.resolve("store/archive"))).as("validate stores nothing").isFalse();
	}

	@Test
	void templateWritesOneWorkbookPerDepartmentOrTheOneAskedFor() throws Exception {
		Path all = ROOT.resolve("templates-all");
		assertThat(exit("template", "--out", all.toString())).isZero();
		try (var files = Files.list(all)) {
			assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly(
					"53期_AD_広告審査部.xlsx", "53期_BCP_BCP推進部.xlsx", "53期_COMP_コンプライアンス推進部.xlsx",
					"53期_DEV_システム開発部.xlsx", "53期_ISEC_情報セキュリティ部.xlsx", "53期_PRIV_個人情報保護部.xlsx",
					"53期_RISK_リスク管理部.xlsx");
		}
		Path one = ROOT.resolve("templates-one");
		assertThat(exit("template", "--department", "DEV", "--out", one.toString())).isZero();
		try (var files = Files.list(one)) {
			assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("53期_DEV_システム開発部.xlsx");
		}
		assertThat(exit("template", "--department", "NOPE", "--out", one.toString())).isEqualTo(2);
	}

	@Test
	void aDepartmentCodeIsCaseInsensitiveAndAnUnknownOneListsTheValidOnes(CapturedOutput output) throws Exception {
		Path out = ROOT.resolve("templates-isec");
		assertThat(exit("template", "--department", "isec", "--out", out.toString())).isZero();
		assertThat(out.resolve("53期_ISEC_情報セキュリティ部.xlsx")).isRegularFile();
		assertThat(exit("template", "--department", "NOPE", "--out", out.toString())).isEqualTo(2);
		assertThat(output).contains("部署コード「NOPE」は行動計画にありません。行動計画の部署コード: ISEC, PRIV, COMP, RISK, DEV, AD, BCP");
	}

	@Test
	void helpRunsNothing(CapturedOutput output) throws Exception {
		String runs = "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION";
		long before = jdbc.sql(runs).query(Long.class).single();
		assertThat(exit("run", "--help")).isZero();
		assertThat(output).contains("使い方: ./review run");
		assertThat(jdbc.sql(runs).query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void runIsZeroWhenAllAreAcceptedAndStatusIsAlwaysZero() throws Exception {
		assertThat(exit("run")).isZero();
		assertThat(exit("status")).isZero();
		assertThat(exit("run", "extra")).isEqualTo(2);
	}

	@Test
	void anUnknownOrMissingCommandIsBadUsage() throws Exception {
		assertThat(exit()).isEqualTo(2);
		assertThat(exit("consolidate")).isEqualTo(2);
		assertThat(exit("restart", "abc")).isEqualTo(2);
	}


	@Test
	void remindWithoutAMailServerNamesTheSettingAndSendsNothing(CapturedOutput output) throws Exception {
		assertThat(exit("remind")).isEqualTo(2);
		assertThat(output).contains("メールサーバーが設定されていません: spring.mail.host を設定してください");
	}

}
