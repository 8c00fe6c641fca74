package jp.csr.review.validation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jp.csr.review.config.ReviewProperties;
import jp.csr.review.form.MarkRule;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.workbook.WorkbookOpener;
import jp.csr.review.workbook.WorkbookOpener.Usermodel;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §3: whatever goes wrong while checking one file, an unexpected exception included, rejects that
 * file with a message and the stack trace in the log; {@code validate} never throws. A bug is not the
 * department's file being "not a workbook": the two are told apart. The failures are injected where the
 * workbook is opened and read, as a bug in POI or in our checks would strike.
 */
class UnexpectedErrorTest {

	@TempDir
	Path dir;

	@Test
	void aRuntimeExceptionWhileCheckingRejectsTheFileAsUnexpected() {
		Validation v = validateFailing(() -> new IllegalStateException("a bug"), false);

		assertUnexpected(v, "IllegalStateException");
	}

	@Test
	void aStackOverflowWhileCheckingRejectsTheFileAsUnexpected() {
		Validation v = validateFailing(StackOverflowError::new, false);

		assertUnexpected(v, "StackOverflowError");
	}

	@Test
	void runningOutOfMemoryOpeningOneAbsurdWorkbookRejectsThatFile() {
		Validation v = validateFailing(() -> new OutOfMemoryError("Java heap space"), true);

		assertUnexpected(v, "OutOfMemoryError");
	}

	@Test
	void theStackTraceGoesToTheLogAsAWarning() {
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		Logger logger = (Logger) LoggerFactory.getLogger(SubmissionValidator.class);
		logged.start();
		logger.addAppender(logged);
		try {
			validateFailing(() -> new IllegalStateException("a bug"), false);
		}
		finally {
			logger.detachAppender(logged);
		}
		assertThat(logged.list).singleElement().satisfies(event -> {
			assertThat(event.getLevel()).isEqualTo(Level.WARN);
			assertThat(event.getFormattedMessage()).contains("53期_ISEC_情報セキュリティ部.xlsx").contains("予期しないエラー");
			assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
			assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
		});
	}

	private static void assertUnexpected(Validation v, String exception) {
		assertThat(v.accepted()).isFalse();
		assertThat(v.issues()).singleElement().satisfies(issue -> {
			assertThat(issue.isError()).isTrue();
			assertThat(issue.where()).isEmpty();
			assertThat(issue.message()).isEqualTo("予期しないエラーのため読み込めませんでした (" + exception + ")");
		});
		assertThat(v.errors()).isEqualTo(1);
	}

	/** The sample's good ISEC file, checked by a validator whose workbook fails when opened or when read. */
	private Validation validateFailing(Supplier<Throwable> failure, boolean atOpen) {
		Path file = dir.resolve("53期_ISEC_情報セキュリティ部.xlsx");
		SampleWorkbooks.saveAs(SampleWorkbooks.filled("ISEC"), file);
		Usermodel opener = path -> {
			if (atOpen) {
				throw sneaky(failure.get());
			}
			return failingOnSheets(WorkbookFactory.create(path.toFile(), null, true), failure);
		};
		SubmissionValidator validator = new SubmissionValidator(SampleWorkbooks.plan(),
				new MarkRule(ReviewProperties.DEFAULT_MARKS), SubmissionValidatorTest.TOKYO,
				WorkbookOpener.usermodelOnly(opener));
		return validator.validate(file, file.getFileName().toString(), Instant.now());
	}

	/** The workbook as it is, except that reading any of its sheets fails. */
	private static Workbook failingOnSheets(Workbook workbook, Supplier<Throwable> failure) {
		return (Workbook) Proxy.newProxyInstance(Workbook.class.getClassLoader(), new Class<?>[] { Workbook.class },
				(proxy, method, args) -> {
					if (List.of("getSheetAt", "getSheet").contains(method.getName())) {
						throw failure.get();
					}
					try {
						return method.invoke(workbook, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private static RuntimeException sneaky(Throwable t) {
		if (t instanceof Error error) {
			throw error;
		}
		throw (RuntimeException) t;
	}

}
