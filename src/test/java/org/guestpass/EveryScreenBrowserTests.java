package org.guestpass;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.guestpass.Fixtures.GuestLinkFixture;
import org.guestpass.Fixtures.Person;
import org.guestpass.audit.Actor;
import org.guestpass.settings.SiteModules;
import org.guestpass.settings.SiteSettings;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every screen the other browser tests do not already look at: each is photographed at
 * desktop and phone width and in the dark scheme, and checked with axe-core.
 */
class EveryScreenBrowserTests extends BrowserTest {

	@Autowired
	SiteSettings settings;

	@Autowired
	MutableClock clock;

	@Test
	void signInAndTheOwnersPagesWithoutDialogs() {
		ChromeDriver owner = browser();
		owner.get(url("/login"));
		look(owner, "sign-in");
		owner.findElement(By.id("username")).sendKeys("nobody");
		owner.findElement(By.id("password")).sendKeys("wrong password");
		clickAndWait(owner, By.cssSelector("main button[type=submit]"));
		assertThat(owner.findElement(By.cssSelector("[role=alert]")).getText())
			.isEqualTo("The user name or password is not right.");
		look(owner, "sign-in-error");

		Person member = this.fixtures.member(this.port);
		signIn(owner, member.username(), member.password());
		long room = member.createLinked("Staff room", "room");
		GuestLinkFixture link = member.sharedLink("{\"name\":\"Standalone\",\"maxClicks\":3}");

		owner.get(url("/media/" + room));
		assertThat(owner.findElement(By.linkText("Join the room")).getAttribute("href"))
			.isEqualTo("https://stream.example.org/live");
		look(owner, "media-page-room");
		owner.get(url("/media/" + link.mediaId() + "/guest-access"));
		assertThat(heading(owner)).isEqualTo("Manage guest access");
		look(owner, "manage-guest-access-page");
		owner.get(url("/media/" + link.mediaId() + "/guest-links/new"));
		look(owner, "create-new-link-page");
		owner.get(url("/media/" + link.mediaId() + "/guest-links/" + link.linkId() + "/delete"));
		look(owner, "delete-link-page");
		owner.get(url("/media/999999999"));
		assertThat(heading(owner)).isEqualTo("We can't find that page");
		look(owner, "not-found");
	}

	@Test
	void aRefusedLiveSessionTimeIsShownNextToItsField() {
		ChromeDriver owner = browser();
		Person member = this.fixtures.member(this.port);
		signIn(owner, member.username(), member.password());
		long live = member.liveSession("Assembly");
		owner.get(url("/media/" + live));
		owner.findElement(By.cssSelector("details.live-settings summary")).click();
		script(owner, "document.getElementById('live-starts').value = '2030-03-01T09:30';"
				+ "document.getElementById('live-ends').value = '2030-03-01T09:00';");
		clickAndWait(owner, By.cssSelector("details.live-settings button[type=submit]"));
		assertThat(owner.findElement(By.id("live-ends-error")).getText())
			.isEqualTo("The end must come after the start.");
		assertThat(owner.findElement(By.id("live-ends")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(owner.findElement(By.id("live-ends")).getAttribute("aria-describedby")).isEqualTo("live-ends-error");
		assertThat(owner.findElement(By.id("live-ends")).getAttribute("value")).as("as typed")
			.isEqualTo("2030-03-01T09:00");
		look(owner, "live-session-time-refused");
	}

	@Test
	void theUploadShowsItsProgress() {
		ChromeDriver owner = browser();
		Person member = this.fixtures.member(this.port);
		signIn(owner, member.username(), member.password());
		owner.executeCdpCommand("Network.enable", Map.of());
		owner.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", false, "latency", 0, "downloadThroughput", 1_000_000, "uploadThroughput", 12_000));
		owner.get(url("/media"));
		owner.findElement(By.id("video-title")).sendKeys("Slow connection");
		owner.findElement(By.id("video-file"))
			.sendKeys(Path.of("src/test/resources/media/sample.webm").toAbsolutePath().toString());
		owner.findElement(By.cssSelector("form[data-upload] button[type=submit]")).click();
		visible(owner, By.cssSelector("form[data-upload] progress"));
		waiting(owner).until((driver) -> driver.findElement(By.cssSelector(".upload-status"))
			.getText()
			.matches("Uploading… [1-9]\\d?%"));
		Browsers.screenshot(owner, "upload-progress-desktop");
		new WebDriverWait(owner, Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches(".*/media/\\d+$"));
		assertThat(heading(owner)).isEqualTo("Slow connection");
	}

	@Test
	void everyMessagePageAGuestCanSee() {
		Person member = this.fixtures.member(this.port);
		GuestLinkFixture link = member.sharedLink("{\"name\":\"Day\",\"durationDays\":1}");
		WebDriver guest = browser();

		guest.get(link.url());
		guest.findElement(By.id("name")).sendKeys("   ");
		guest.findElement(By.id("email")).sendKeys("not-an-email");
		guest.findElement(By.id("email")).submit();
		look(guest, "guest-entry-errors");

		admit(guest, link.url(), "Guest", "guest@example.org");
		this.settings.changeModules(new SiteModules(true, false, true), Actor.user("test"));
		guest.navigate().refresh();
		assertThat(heading(guest)).isEqualTo("Guest access isn't available right now");
		look(guest, "message-unavailable");
		this.settings.changeModules(new SiteModules(true, true, true), Actor.user("test"));

		this.clock.advance(Duration.ofDays(1));
		guest.navigate().refresh();
		assertThat(heading(guest)).isEqualTo("This link has expired");
		look(guest, "message-expired");

		WebDriver stranger = browser();
		stranger.get(url("/guest/media/" + link.mediaId()));
		assertThat(heading(stranger)).isEqualTo("Your guest access has ended");
		look(stranger, "message-session-ended");
	}

}
