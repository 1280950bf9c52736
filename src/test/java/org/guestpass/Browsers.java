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
		return open(true, false);
	}

	/**
	 * A browser that accepts the tests' self-signed certificate ({@code TestCertificate})
	 * for pages over HTTPS.
	 */
	public static ChromeDriver openAcceptingTestCertificate() {
		return open(true, true);
	}

	/** A browser whose JavaScript is switched off, to prove pages work without it. */
	public static ChromeDriver openWithoutJavaScript() {
		return open(false, false);
	}

	private static ChromeDriver open(boolean javaScript, boolean testCertificate) {
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
		if (testCertificate) {
			// A frame of another site then shares the page's process: ChromeDriver
			// computes
			// roles and accessible names only in the page's own process. Cookies and
			// framing still follow the sites, not the processes.
			options.addArguments("--ignore-certificate-errors", "--disable-site-isolation-trials",
					"--disable-features=IsolateOrigins,site-per-process");
		}
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
