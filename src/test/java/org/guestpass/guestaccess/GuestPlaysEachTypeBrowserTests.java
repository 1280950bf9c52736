package org.guestpass.guestaccess;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.BrowserTest;
import org.guestpass.Fixtures.Person;
import org.guestpass.MutableClock;
import org.guestpass.StreamServer;
import org.guestpass.TestClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guest in Chromium gets what each type offers: a video with captions and speed, a live
 * stream from the school's own streaming server inside its time window, and a room joined
 * under the name typed on the entry page.
 */
class GuestPlaysEachTypeBrowserTests extends BrowserTest {

	@Autowired
	MutableClock clock;

	@Test
	void aGuestWatchesTheVideoWithCaptionsAndChangesTheSpeed() {
		ChromeDriver owner = browser();
		Person member = this.fixtures.member(this.port);
		signIn(owner, member.username(), member.password());
		owner.get(url("/media"));
		owner.findElement(By.id("video-title")).sendKeys("Welcome");
		owner.findElement(By.id("video-file"))
			.sendKeys(Path.of("src/main/resources/demo/sample-video.webm").toAbsolutePath().toString());
		owner.findElement(By.cssSelector("form[data-upload] button[type=submit]")).click();
		waiting(owner).until(ExpectedConditions.urlMatches(".*/media/\\d+$"));
		owner.findElement(By.cssSelector("details.captions summary")).click();
		owner.findElement(By.id("caption-language")).sendKeys("en");
		owner.findElement(By.id("caption-label")).sendKeys("English");
		owner.findElement(By.id("caption-file"))
			.sendKeys(Path.of("src/main/resources/demo/captions-en.vtt").toAbsolutePath().toString());
		clickAndWait(owner, By.xpath("//button[text()='Add captions']"));
		assertThat(owner.findElement(By.cssSelector("details.captions summary")).getText()).contains("English");
		String link = shareThroughTheDialog(owner);

		WebDriver guest = browser();
		admit(guest, link, "Ada", "ada@example.org");
		Object controls = script(guest, "const v = document.querySelector('video');"
				+ " return [v.controls, v.controlsList.contains('nodownload'), v.textTracks.length];");
		assertThat(controls).asList().containsExactly(true, true, 1L);
		assertVideoPlays(guest);
		script(guest, "document.querySelector('video').textTracks[0].mode = 'showing';"
				+ " document.querySelector('video').currentTime = 1;");
		waiting(guest).until((d) -> "Welcome to GuestPass."
			.equals(script(d, "const cues = document.querySelector('video').textTracks[0].activeCues;"
					+ " return cues && cues.length ? cues[0].text : null;")));
		new Select(visible(guest, By.id("playback-speed"))).selectByVisibleText("1.5×");
		assertThat(script(guest, "return document.querySelector('video').playbackRate")).isEqualTo(1.5);
		look(guest, "guest-video-captions");
	}

	@Test
	void aGuestWatchesTheLiveStreamOnlyWhileItIsOnAir() throws Exception {
		try (StreamServer streams = StreamServer.start()) {
			Person member = this.fixtures.member(this.port);
			Instant start = this.clock.instant().plus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
			Instant end = start.plus(1, ChronoUnit.HOURS);
			TestClient.Response created = member.api()
				.json("POST", "/api/v1/media", "{\"title\":\"Assembly\",\"type\":\"live_session\",\"url\":\""
						+ streams.playlistUrl() + "\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end + "\"}");
			long live = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
			ChromeDriver owner = browser();
			signIn(owner, member.username(), member.password());
			owner.get(url("/media/" + live));
			assertThat(owner.findElement(By.cssSelector("details.live-settings summary")).getText()).contains("starts")
				.contains("ends");
			owner.findElement(By.cssSelector("details.live-settings summary")).click();
			assertThat(script(owner, "return new Date(document.getElementById('live-starts').value).toISOString()"))
				.as("shown in the browser's own zone")
				.isEqualTo(start.toString().replace("Z", ".000Z"));
			look(owner, "owner-live-session");
			String link = shareThroughTheDialog(owner);

			WebDriver guest = browser();
			admit(guest, link, "Grace", "grace@example.org");
			assertThat(heading(guest, "h2")).isEqualTo("This live session hasn't started yet");
			assertThat(guest.findElement(By.cssSelector("time")).getAttribute("datetime")).isEqualTo(start.toString());
			look(guest, "guest-live-not-started");

			this.clock.advance(Duration.between(this.clock.instant(), start));
			guest.navigate().refresh();
			// The deferred script runs once the refreshed page is parsed.
			waiting(guest).until((driver) -> "function".equals(script(driver, "return typeof window.Hls")));
			assertThat(script(guest, "return typeof window.Hls")).as("hls.js from the webjar").isEqualTo("function");
			assertVideoPlays(guest);
			assertThat(String.valueOf(script(guest, "return document.querySelector('video').src")))
				.as("played through hls.js and Media Source Extensions")
				.startsWith("blob:");
			look(guest, "guest-live-on-air");

			this.clock.advance(Duration.between(this.clock.instant(), end));
			guest.navigate().refresh();
			assertThat(heading(guest, "h2")).isEqualTo("This live session has ended");
			assertThat(guest.findElements(By.tagName("video"))).isEmpty();
			look(guest, "guest-live-ended");
		}
	}

	@Test
	void theGuestsPageShowsTheStreamWhenTheSessionStartsAndThatItEndedWhenItEnds() throws Exception {
		try (StreamServer streams = StreamServer.start()) {
			Person member = this.fixtures.member(this.port);
			TestClient.Response created = member.api()
				.json("POST", "/api/v1/media",
						"{\"title\":\"Assembly\",\"type\":\"live_session\",\"url\":\"" + streams.playlistUrl()
								+ "\",\"startsAt\":\"" + this.clock.instant().plus(1, ChronoUnit.DAYS) + "\"}");
			long live = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
			ChromeDriver owner = browser();
			signIn(owner, member.username(), member.password());
			owner.get(url("/media/" + live));
			String link = shareThroughTheDialog(owner);
			WebDriver guest = browser();
			admit(guest, link, "Grace", "grace@example.org");

			// A few seconds ahead of the guest's own clock, which the page's timer reads.
			Instant start = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
			Instant end = start.plusSeconds(40);
			assertThat(member.api()
				.json("PUT", "/api/v1/media/" + live + "/live",
						"{\"url\":\"" + streams.playlistUrl() + "\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end
								+ "\"}")
				.status()).isEqualTo(200);
			guest.navigate().refresh();
			assertThat(heading(guest, "h2")).isEqualTo("This live session hasn't started yet");

			this.clock.advance(Duration.between(this.clock.instant(), start));
			WebDriverWait untilTheTimeComes = new WebDriverWait(guest, Duration.ofSeconds(90));
			untilTheTimeComes
				.until((driver) -> !driver.findElements(By.cssSelector("video[data-live-stream]")).isEmpty());
			assertThat(script(guest, "return typeof window.Hls")).as("loaded whole: the policy allows the stream")
				.isEqualTo("function");
			assertVideoPlays(guest);
			script(guest, "window.samePage = true");

			this.clock.advance(Duration.between(this.clock.instant(), end));
			untilTheTimeComes.until((driver) -> !driver.findElements(By.cssSelector(".live-state h2")).isEmpty());
			assertThat(heading(guest, "h2")).isEqualTo("This live session has ended");
			assertThat(guest.findElements(By.tagName("video"))).isEmpty();
			assertThat(script(guest, "return window.samePage")).as("swapped in place by htmx").isEqualTo(true);
			assertThat(guest.getCurrentUrl()).endsWith("/guest/media/" + live);
		}
	}

	@Test
	void aGuestJoinsTheRoomUnderTheNameTheyTyped() throws Exception {
		try (StreamServer rooms = StreamServer.start()) {
			Person member = this.fixtures.member(this.port);
			String room = "http://jitsi.localhost:" + rooms.port() + "/room/GuestPassStaffRoom";
			TestClient.Response created = member.api()
				.json("POST", "/api/v1/media", "{\"title\":\"Staff room\",\"type\":\"room\",\"url\":\"" + room + "\"}");
			long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
			ChromeDriver owner = browser();
			signIn(owner, member.username(), member.password());
			owner.get(url("/media/" + id));
			String link = shareThroughTheDialog(owner);

			String name = "Zoë \"Z\" O'Brien & <co> #1";
			WebDriver guest = browser();
			admit(guest, link, name, "zoe@example.org");
			look(guest, "guest-room");
			clickAndWait(guest, By.linkText("Join as " + name));
			assertThat(guest.getCurrentUrl()).startsWith(room + "#");
			assertThat(guest.findElement(By.tagName("h1")).getText()).isEqualTo("Meeting room");
			String fragment = String.valueOf(script(guest, "return window.location.hash"));
			assertThat(fragment).startsWith("#userInfo.displayName=");
			String json = URLDecoder.decode(fragment.substring("#userInfo.displayName=".length()),
					StandardCharsets.UTF_8);
			assertThat((String) JsonPath.read("[" + json + "]", "$[0]")).as("what Jitsi Meet reads as the name")
				.isEqualTo(name);
		}
	}

	private static String heading(WebDriver driver, String tag) {
		return driver.findElement(By.tagName(tag)).getText();
	}

}
