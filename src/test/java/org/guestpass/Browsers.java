package org.guestpass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium from Debian's packages, each browser with a fresh profile (no
 * cookies). Without Chromium the browser tests are skipped with a message, except on CI,
 * where they must run.
 */
public final class Browsers {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private Browsers() {
	}

	public static ChromeDriver open() {
		return open(true);
	}

	/** A browser whose JavaScript is switched off, to prove pages work without it. */
	public static ChromeDriver openWithoutJavaScript() {
		return open(false);
	}

	private static ChromeDriver open(boolean javaScript) {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String message = "Chromium is not installed (apt-get install -y chromium chromium-driver)";
			if ("true".equals(System.getenv("CI"))) {
				Assertions.fail(message + ": CI requires the browser tests");
			}
			Assumptions.abort(message + ": browser tests skipped");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--autoplay-policy=no-user-gesture-required", "--window-size=1280,900",
				"--user-data-dir=" + freshProfile());
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		if (!javaScript) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/** Saves what the browser shows under target/screenshots, for a person to look at. */
	public static void screenshot(WebDriver driver, String name) {
		try {
			Path folder = Files.createDirectories(Path.of("target", "screenshots"));
			byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
			Files.write(folder.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String freshProfile() {
		try {
			return Files.createTempDirectory("guestpass-chromium-").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
