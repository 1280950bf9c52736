package org.guestpass;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.Accessible.role;

/**
 * What browser tests share: real Chromium windows that are closed after each test, and
 * the steps a person takes, written once.
 */
@IntegrationTest
@Tag("browser")
public abstract class BrowserTest {

	public static final Dimension DESKTOP = new Dimension(1280, 900);

	public static final Dimension PHONE = new Dimension(360, 780);

	@LocalServerPort
	protected int port;

	@Autowired
	protected Fixtures fixtures;

	private final List<WebDriver> browsers = new ArrayList<>();

	@AfterEach
	void closeBrowsers() {
		this.browsers.forEach(WebDriver::quit);
	}

	/** A new browser with no cookies, at desktop size. */
	protected ChromeDriver browser() {
		ChromeDriver driver = Browsers.open();
		driver.manage().window().setSize(DESKTOP);
		this.browsers.add(driver);
		return driver;
	}

	/**
	 * A new browser that accepts the tests' self-signed certificate, for pages over
	 * HTTPS.
	 */
	protected ChromeDriver browserAcceptingTestCertificate() {
		ChromeDriver driver = Browsers.openAcceptingTestCertificate();
		driver.manage().window().setSize(DESKTOP);
		this.browsers.add(driver);
		return driver;
	}

	/** A new browser with JavaScript switched off. */
	protected ChromeDriver browserWithoutJavaScript() {
		ChromeDriver driver = Browsers.openWithoutJavaScript();
		driver.manage().window().setSize(DESKTOP);
		this.browsers.add(driver);
		return driver;
	}

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	protected static WebDriverWait waiting(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(15));
	}

	/**
	 * Clicks something that loads a new page or replaces part of it, and waits until the
	 * old part is gone.
	 */
	protected static void clickAndWait(WebDriver driver, By target) {
		WebElement element = driver.findElement(target);
		element.click();
		waiting(driver).until((d) -> isGone(element));
	}

	/**
	 * Whether the element has left the page. While the page is being replaced, Chromium
	 * sometimes answers "does not belong to the document" instead of "stale": both mean
	 * it is gone.
	 */
	private static boolean isGone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	protected static WebElement visible(WebDriver driver, By target) {
		return waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(target));
	}

	protected static String heading(WebDriver driver) {
		return driver.findElement(By.tagName("h1")).getText();
	}

	protected void signIn(WebDriver driver, String username, String password) {
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		clickAndWait(driver, By.cssSelector("main button[type=submit]"));
		assertThat(driver.getCurrentUrl()).endsWith("/media");
	}

	/**
	 * Uploads the sample video through the library's form and lands on its media page.
	 */
	protected void uploadVideo(WebDriver driver, String title) {
		driver.get(url("/media"));
		driver.findElement(By.id("video-title")).sendKeys(title);
		driver.findElement(By.id("video-file"))
			.sendKeys(Path.of("src/test/resources/media/sample.webm").toAbsolutePath().toString());
		driver.findElement(By.cssSelector("form[data-upload] button[type=submit]")).click();
		waiting(driver).until(ExpectedConditions.urlMatches(".*/media/\\d+$"));
		assertThat(heading(driver)).isEqualTo(title);
	}

	/** Three dots, then "Manage guest access": the dialog opens over the media page. */
	protected WebElement openManageGuestAccess(WebDriver driver) {
		driver.findElement(role("button", "More actions")).click();
		driver.findElement(role("menuitem", "Manage guest access")).click();
		WebElement dialog = visible(driver, By.id("panel-dialog"));
		visible(driver, By.id("guest-access-title"));
		return dialog;
	}

	protected static void toggleGuestAccess(WebDriver driver) {
		String before = driver.findElement(By.cssSelector("button[role=switch]")).getAttribute("aria-checked");
		clickAndWait(driver, By.cssSelector("button[role=switch]"));
		assertThat(visible(driver, By.cssSelector("button[role=switch]")).getAttribute("aria-checked"))
			.isNotEqualTo(before);
	}

	/**
	 * Create new link, fill the dialog, Create: waits for the table to show the new row.
	 */
	protected static void createLink(WebDriver driver, String name, String clicks, String days) {
		driver.findElement(role("button", "Create new link")).click();
		visible(driver, By.id("create-link-dialog"));
		fillLinkForm(driver, name, clicks, days);
		clickAndWait(driver, By.xpath("//dialog[@id='create-link-dialog']//button[text()='Create']"));
		visible(driver, By.id("guest-access-panel"));
	}

	protected static void fillLinkForm(WebDriver driver, String name, String clicks, String days) {
		WebElement nameField = driver.findElement(By.id("name"));
		nameField.clear();
		nameField.sendKeys(name);
		driver.findElement(By.id("maxClicks")).clear();
		driver.findElement(By.id("maxClicks")).sendKeys(clicks);
		driver.findElement(By.id("durationDays")).clear();
		driver.findElement(By.id("durationDays")).sendKeys(days);
	}

	/** The row of the links table that shows this link name. */
	protected static WebElement linkRow(WebDriver driver, String name) {
		return driver.findElement(By
			.xpath("//table[contains(@class,'links')]//tr[.//span[@class='link-name' and text()='" + name + "']]"));
	}

	protected static String linkUrl(WebDriver driver, String name) {
		return linkRow(driver, name).findElement(By.cssSelector("input.link-url")).getAttribute("value");
	}

	/** A guest opens the link, types a name and an email, and continues to the media. */
	protected static void admit(WebDriver guest, String link, String name, String email) {
		guest.get(link);
		assertThat(guest.findElement(By.id("name")).getAccessibleName()).isEqualTo("Name");
		guest.findElement(By.id("name")).sendKeys(name);
		guest.findElement(By.id("email")).sendKeys(email);
		guest.findElement(By.xpath("//button[text()='Continue']")).click();
		waiting(guest).until(ExpectedConditions.urlContains("/guest/media/"));
	}

	/** Starts the video, muted, and waits until it has really played a second. */
	protected static void assertVideoPlays(WebDriver driver) {
		Object started = ((JavascriptExecutor) driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const video = document.querySelector('video');
				video.muted = true;
				video.play().then(() => done(true), (error) => done(String(error)));
				""");
		assertThat(started).isEqualTo(true);
		waiting(driver).until((d) -> ((Number) ((JavascriptExecutor) d)
			.executeScript("return document.querySelector('video').currentTime")).doubleValue() > 1.0);
	}

	/**
	 * Manage guest access, switch it on, create a link named "Guests" for a week, and
	 * read its address.
	 */
	protected String shareThroughTheDialog(WebDriver owner) {
		openManageGuestAccess(owner);
		toggleGuestAccess(owner);
		createLink(owner, "Guests", "", "7");
		return linkUrl(owner, "Guests");
	}

	protected static Object script(WebDriver driver, String script) {
		return ((JavascriptExecutor) driver).executeScript(script);
	}

	/**
	 * Lets the page read and write the clipboard, as a person's browser does after a
	 * click.
	 */
	protected void allowClipboard(ChromeDriver driver) {
		driver.executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", url(""), "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
	}

	protected static String clipboard(WebDriver driver) {
		return String.valueOf(((JavascriptExecutor) driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				navigator.clipboard.readText().then(done, (error) => done('error: ' + error));
				"""));
	}

	/**
	 * Looks at the page as people will: screenshots at desktop and phone width under
	 * target/screenshots, axe-core in the light and the dark scheme, and no script or
	 * style refused by the Content-Security-Policy.
	 */
	protected static void look(WebDriver driver, String name) {
		ChromeDriver chrome = (ChromeDriver) driver;
		Dimension size = driver.manage().window().getSize();
		driver.manage().window().setSize(DESKTOP);
		Browsers.screenshot(driver, name + "-desktop");
		driver.manage().window().setSize(PHONE);
		Browsers.screenshot(driver, name + "-phone");
		driver.manage().window().setSize(size);
		Axe.assertNoSeriousViolations(driver, name);
		scheme(chrome, "dark");
		Browsers.screenshot(driver, name + "-dark");
		Axe.assertNoSeriousViolations(driver, name + " (dark)");
		scheme(chrome, "light");
		List<String> refused = driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy") || message.contains("Refused to"))
			.toList();
		assertThat(refused).as("what the Content-Security-Policy refused on " + name).isEmpty();
	}

	private static void scheme(ChromeDriver driver, String scheme) {
		driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

}
