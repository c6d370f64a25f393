package org.pchatfailover.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver. Both paths are named here so that Selenium never
 * runs Selenium Manager, which would look for (and download) a browser or driver of its own: {@code DriverFinder}
 * takes the service's executable first (DESIGN-NOTES, "Operators' screens", section 9). Every screen the test looks at
 * is kept as a PNG under {@code target/e2e/}, named by test and step.
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	static final Path SCREENSHOTS = Path.of("target", "e2e");

	/** Long enough for Tasklist's 10 s refresh and a few steps of the lab on a busy machine. */
	private static final Duration WAIT = Duration.ofSeconds(60);

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private final String name;

	private int screens;

	/**
	 * @param name prefix of the screenshots (the test and the language)
	 * @param languages the browser's UI language and Accept-Language, e.g. {@code "de"} or {@code "zh-CN,zh"}
	 */
	Browser(String name, String languages) {
		this.name = name;
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		// root in a container: no sandbox; /dev/shm may be tiny there
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
				"--lang=" + languages.split(",")[0]);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
		this.driver = new ChromeDriver(service, options);
	}

	ChromeDriver driver() {
		return driver;
	}

	/** The driver Selenium started: Debian's, never one Selenium Manager found. */
	String driverExecutable() {
		return service.getExecutable();
	}

	void open(String url) {
		driver.get(url);
	}

	<T> T await(ExpectedCondition<T> condition) {
		return new WebDriverWait(driver, WAIT).until(condition);
	}

	WebElement visible(By by) {
		return await(ExpectedConditions.visibilityOfElementLocated(by));
	}

	void gone(By by) {
		await(ExpectedConditions.invisibilityOfElementLocated(by));
	}

	/** Scrolls the element to the middle first: Camunda's fixed header and footer would take a click at the edge. */
	void click(By by) {
		WebElement element = await(ExpectedConditions.presenceOfElementLocated(by));
		script("arguments[0].scrollIntoView({block: 'center'});", element);
		await(ExpectedConditions.elementToBeClickable(element)).click();
	}

	void type(By by, String text) {
		WebElement element = visible(by);
		element.clear();
		element.sendKeys(text);
	}

	String text(By by) {
		return visible(by).getText();
	}

	List<WebElement> all(By by) {
		return driver.findElements(by);
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	/** Saves what the browser shows as {@code target/e2e/<name>-<nn>-<step>.png}. */
	Path screenshot(String step) {
		Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", name, ++screens, step));
		write(file, driver.getScreenshotAs(OutputType.BYTES));
		return file;
	}

	/** After a failure: the page as it was, source and picture, for whoever reads the failed build. */
	void dump(String reason) {
		write(SCREENSHOTS.resolve(name + "-FAILED.html"), driver.getPageSource().getBytes(StandardCharsets.UTF_8));
		write(SCREENSHOTS.resolve(name + "-FAILED.png"), driver.getScreenshotAs(OutputType.BYTES));
		write(SCREENSHOTS.resolve(name + "-FAILED.txt"),
				(driver.getCurrentUrl() + "\n" + reason).getBytes(StandardCharsets.UTF_8));
	}

	private static void write(Path file, byte[] bytes) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
		service.stop();
	}

}
