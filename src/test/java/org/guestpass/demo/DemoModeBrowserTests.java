package org.guestpass.demo;

import org.guestpass.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's "done when", as a newcomer tries it: demo mode, sign in as the demo member,
 * share each of the three items through a guest link, then as guests watch the video with
 * captions, see the live stream play, and find the room's Join button carrying the typed
 * name.
 */
@TestPropertySource(properties = "guestpass.demo=true")
class DemoModeBrowserTests extends BrowserTest {

	@Test
	void aNewcomerSharesEachDemoItemAndGuestsGetEachOne() {
		ChromeDriver owner = browser();
		signIn(owner, DemoData.USERNAME, "guestpass-demo");
		assertThat(owner.findElements(By.cssSelector(".media-title")).stream().map(WebElement::getText))
			.containsExactly("Demo meeting room", "Sample live session", "Welcome to GuestPass");
		look(owner, "demo-library");
		String video = share(owner, "Welcome to GuestPass");
		String live = share(owner, "Sample live session");
		String room = share(owner, "Demo meeting room");

		WebDriver watcher = browser();
		admit(watcher, video, "Ada", "ada@example.org");
		assertThat(script(watcher, "return Array.from(document.querySelector('video').textTracks).map(t => t.label)"))
			.asList()
			.containsExactly("English", "Français");
		assertThat(String.valueOf(script(watcher, "return document.querySelector('video').poster")))
			.matches("http://localhost:\\d+/guest/media/\\d+/poster");
		assertVideoPlays(watcher);
		script(watcher, "document.querySelector('video').textTracks[1].mode = 'showing';"
				+ " document.querySelector('video').currentTime = 1;");
		waiting(watcher).until((d) -> "Bienvenue sur GuestPass."
			.equals(script(d, "const cues = document.querySelector('video').textTracks[1].activeCues;"
					+ " return cues && cues.length ? cues[0].text : null;")));

		WebDriver viewer = browser();
		admit(viewer, live, "Grace", "grace@example.org");
		assertVideoPlays(viewer);
		assertThat(String.valueOf(script(viewer, "return document.querySelector('video').src"))).startsWith("blob:");
		look(viewer, "demo-live");

		WebDriver joiner = browser();
		admit(joiner, room, "Ada Lovelace", "ada@example.org");
		WebElement join = joiner.findElement(By.linkText("Join as Ada Lovelace"));
		assertThat(join.getAttribute("href")).startsWith("https://meet.jit.si/GuestPassDemo-")
			.endsWith("#userInfo.displayName=%22Ada%20Lovelace%22");
	}

	/** From the library: open the item, then share it through the dialog. */
	private String share(WebDriver owner, String title) {
		owner.get(url("/media"));
		clickAndWait(owner, By.linkText(title));
		return shareThroughTheDialog(owner);
	}

}
