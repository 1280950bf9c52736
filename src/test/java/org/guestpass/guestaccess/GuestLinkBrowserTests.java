package org.guestpass.guestaccess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.guestpass.Browsers;
import org.guestpass.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole story in real Chromium: the owner shares a video through a link limited to two clicks,
 * two guests watch it, a third is turned away, and the owner's switch ends the first guest's access.
 */
@IntegrationTest
@Tag("browser")
class GuestLinkBrowserTests {

	@LocalServerPort
	int port;

	private final List<WebDriver> browsers = new ArrayList<>();

	@AfterEach
	void closeBrowsers() {
		this.browsers.forEach(WebDriver::quit);
	}

	@Test
	void anOwnerSharesAVideoThatTwoGuestsWatchUntilTheOwnerTurnsGuestAccessOff() {
		WebDriver owner = browser();
		owner.get(url("/login"));
		owner.findElement(By.id("username")).sendKeys("admin");
		owner.findElement(By.id("password")).sendKeys("admin-password-for-tests");
		navigate(owner, By.cssSelector("button[type=submit]"));
		assertThat(owner.getCurrentUrl()).endsWith("/media");

		owner.findElement(By.id("video-title")).sendKeys("Theming design system");
		owner.findElement(By.id("video-file"))
			.sendKeys(Path.of("src/test/resources/media/sample.webm").toAbsolutePath().toString());
		navigate(owner, By.cssSelector("form[action='/media/videos'] button[type=submit]"));
		assertThat(owner.findElement(By.tagName("h1")).getText()).isEqualTo("Theming design system");

		owner.findElement(By.cssSelector("summary[aria-label='More actions']")).click();
		navigate(owner, By.linkText("Manage guest access"));
		assertThat(owner.findElement(By.tagName("h1")).getText()).isEqualTo("Manage guest access");
		assertThat(owner.findElement(By.cssSelector(".count-line")).getText()).isEqualTo("No links added");
		Browsers.screenshot(owner, "manage-guest-access-empty");
		navigate(owner, By.cssSelector("button[role=switch]"));
		assertThat(owner.findElement(By.cssSelector("button[role=switch]")).getAttribute("aria-checked"))
			.isEqualTo("true");

		owner.findElement(By.id("name")).sendKeys("Webinar invite");
		owner.findElement(By.id("maxClicks")).sendKeys("2");
		owner.findElement(By.id("durationDays")).sendKeys("30");
		navigate(owner, By.xpath("//button[text()='Create']"));
		assertThat(owner.findElement(By.cssSelector(".count-line")).getText()).isEqualTo("1 link");
		assertThat(owner.findElement(By.cssSelector("table.links tbody")).getText()).contains("Webinar invite")
			.contains("0 / 2");
		String link = owner.findElement(By.cssSelector("input.link-url")).getAttribute("value");
		Browsers.screenshot(owner, "manage-guest-access-one-link");
		assertThat(link).startsWith(url("/g/"));

		WebDriver first = browser();
		admit(first, link, "Ada Lovelace", "ada@example.org");
		assertThat(first.findElement(By.cssSelector(".guest-name")).getText()).isEqualTo("Watching as Ada Lovelace");
		assertThat(first.findElements(By.cssSelector("header, nav"))).isEmpty();
		Object playing = ((JavascriptExecutor) first).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const video = document.querySelector('video');
				video.muted = true;
				video.play().then(() => done(true), (error) => done(String(error)));
				""");
		assertThat(playing).isEqualTo(true);
		Browsers.screenshot(first, "guest-media-page");
		new WebDriverWait(first, Duration.ofSeconds(20)).until((driver) -> ((Number) ((JavascriptExecutor) driver)
			.executeScript("return document.querySelector('video').currentTime")).doubleValue() > 1.0);

		WebDriver second = browser();
		admit(second, link, "Grace Hopper", "grace@example.org");
		assertThat(second.findElement(By.cssSelector(".guest-name")).getText()).contains("Grace Hopper");

		WebDriver third = browser();
		third.get(link);
		assertThat(third.findElement(By.tagName("h1")).getText()).isEqualTo("This link has reached its limit");
		Browsers.screenshot(third, "guest-message-limit");

		owner.navigate().refresh();
		assertThat(owner.findElement(By.cssSelector("table.links tbody")).getText()).contains("2 / 2");
		navigate(owner, By.cssSelector("button[role=switch]"));
		assertThat(owner.findElement(By.cssSelector("button[role=switch]")).getAttribute("aria-checked"))
			.isEqualTo("false");

		first.navigate().refresh();
		assertThat(first.findElement(By.tagName("h1")).getText()).isEqualTo("The owner has turned off guest access");
		Browsers.screenshot(first, "guest-message-turned-off");
	}

	private void admit(WebDriver guest, String link, String name, String email) {
		guest.get(link);
		Browsers.screenshot(guest, "guest-entry-page");
		guest.findElement(By.id("name")).sendKeys(name);
		guest.findElement(By.id("email")).sendKeys(email);
		navigate(guest, By.xpath("//button[text()='Continue']"));
		new WebDriverWait(guest, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/guest/media/"));
	}

	/** Clicks something that loads a new page, and waits until the old page is gone. */
	private static void navigate(WebDriver driver, By target) {
		WebElement element = driver.findElement(target);
		element.click();
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(element));
	}

	private WebDriver browser() {
		WebDriver driver = Browsers.open();
		this.browsers.add(driver);
		return driver;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
