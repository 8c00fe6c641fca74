package jp.csr.review.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}; {@code .ci/run} installs
 * them), driven over WebDriver: the pages as a reader's browser lays them out.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private Browser(ChromeDriver driver) {
		this.driver = driver;
	}

	static Browser open() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
			throw new IllegalStateException(CHROMIUM + " or " + DRIVER
					+ " is missing: install Debian's chromium and chromium-driver (.ci/run does)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--allow-file-access-from-files");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.withLogFile(new File("/dev/null"))
			.build();
		return new Browser(new ChromeDriver(service, options));
	}

	ChromeDriver driver() {
		return driver;
	}

	/** Opens a file at a viewport {@code width} pixels wide. */
	void show(Path file, int width) {
		driver.manage().window().setSize(new Dimension(width, 900));
		driver.get(file.toUri().toString());
	}

	Object script(String script) {
		return ((JavascriptExecutor) driver).executeScript(script);
	}

	/** The page's width beyond the viewport: 0 when nothing scrolls sideways. */
	long horizontalOverflow() {
		return (Long) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
	}

	long viewportWidth() {
		return (Long) script("return document.documentElement.clientWidth;");
	}

	/** The page printed as the browser prints it, on A3 landscape, as a PDF. */
	byte[] printA3Landscape() {
		PrintOptions options = new PrintOptions();
		// the page's own @page rule asks for A3 landscape; the driver is told the same
		options.setPageSize(new PageSize(42.0, 29.7));
		options.setOrientation(PrintOptions.Orientation.LANDSCAPE);
		options.setBackground(true);
		return Base64.getDecoder().decode(driver.print(options).getContent());
	}

	/** A screenshot of the whole viewport, kept under target/ to look at. */
	void screenshot(String name) throws IOException {
		Path target = Files.createDirectories(Path.of("target/web-screenshots")).resolve(name + ".png");
		Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

	@Override
	public void close() {
		driver.quit();
	}

}
