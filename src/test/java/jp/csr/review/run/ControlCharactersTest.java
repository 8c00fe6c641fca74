package jp.csr.review.run;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import jp.csr.review.SampleFolders;
import jp.csr.review.cli.Commands;
import jp.csr.review.console.SafeMessageConverter;
import jp.csr.review.testing.SharedStoreToo;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cell's text echoed on the console (and in review.log, same converter) never
 * brings a raw control character or line break: ESC[2J does not clear the admin's terminal, an embedded
 * line break does not forge a {@code 受理 …} line.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@SharedStoreToo
class ControlCharactersTest {

	static final Path ROOT = SampleFolders.copy("control-characters");

	/** ESC is not valid XML: a workbook holds it as {@code _x001B_}, which POI reads back as ESC. */
	static final String FORGED = "x_x001B_[2J\n受理     /srv/share/inbox/偽物.xlsx  部署 FAKE  警告 0件\u202E";

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		SampleFolders.register(registry, ROOT);
	}

	@Autowired
	Commands commands;

	@Test
	void cellTextEchoedByValidateIsEscaped(CapturedOutput output) throws Exception {
		Path file = ROOT.resolve("forged.xlsx");
		try (InputStream in = Files.newInputStream(ROOT.resolve("input/53期_AD_広告審査部.xlsx"));
				Workbook wb = WorkbookFactory.create(in)) {
			CellReference f2 = new CellReference("F2");
			wb.getSheet("KPI").getRow(f2.getRow()).getCell(f2.getCol()).setCellValue(FORGED);
			try (OutputStream out = Files.newOutputStream(file)) {
				wb.write(out);
			}
		}
		commands.run(new DefaultApplicationArguments("validate", file.toString()));

		assertThat(commands.getExitCode()).isEqualTo(3);
		assertThat(output.getOut()).contains("x\\x1B[2J\\n受理     /srv/share/inbox/偽物.xlsx  部署 FAKE  警告 0件\\u202E")
			.doesNotContain("\u001B")
			.doesNotContain("\u202E");
		assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("受理"));
	}

	@Test
	void statusStillPrintsOneLinePerDepartment(CapturedOutput output) throws Exception {
		commands.run(new DefaultApplicationArguments("status"));

		assertThat(output.getOut()).doesNotContain("\\n");
		assertThat(output.getOut().lines()).anyMatch(line -> line.startsWith("    ISEC   情報セキュリティ部  未提出"));
	}

	@Test
	void theMessagePatternKeepsItsOwnLineBreaksArgumentsLoseTheirs() {
		LoggingEvent event = new LoggingEvent("x", new LoggerContext().getLogger("x"), Level.INFO, "一行目\n{} / {}",
				null, new Object[] { "a\r\nb\tc\u0085", 3 });
		assertThat(new SafeMessageConverter().convert(event)).isEqualTo("一行目\na\\r\\nb\\tc\\x85 / 3");
		assertThat(SafeMessageConverter.escape("普通の文字列 98.9%")).isEqualTo("普通の文字列 98.9%");
	}

}
