package org.guestpass.media.web;

import java.nio.file.Path;

import org.guestpass.BrowserTest;
import org.guestpass.Fixtures.Person;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.Accessible.role;

/**
 * An upload in Chromium goes through htmx: the answer replaces the page's main part in
 * place, the new item's address goes into the history, and a refused file is explained
 * where the form was. Without JavaScript the same form is posted as a page
 * (WithoutJavaScriptBrowserTests).
 */
class UploadingBrowserTests extends BrowserTest {

	@Test
	void theNewVideosPageReplacesTheLibraryInPlaceAndItsAddressGoesIntoTheHistory() {
		ChromeDriver owner = browser();
		Person member = this.fixtures.member(this.port);
		signIn(owner, member.username(), member.password());
		owner.get(url("/media"));
		script(owner, "window.samePage = true");
		owner.findElement(By.id("video-title")).sendKeys("Open day");
		owner.findElement(By.id("video-file"))
			.sendKeys(Path.of("src/test/resources/media/sample.webm").toAbsolutePath().toString());
		owner.findElement(By.cssSelector("form[data-upload] button[type=submit]")).click();
		waiting(owner).until(ExpectedConditions.urlMatches(".*/media/\\d+$"));
		waiting(owner).until((driver) -> "Open day".equals(heading(driver)));
		assertThat(script(owner, "return window.samePage")).as("swapped by htmx, not loaded").isEqualTo(true);
		assertThat(owner.getTitle()).isEqualTo("Open day · GuestPass");
		assertThat(owner.switchTo().activeElement().getText()).as("focus on the new page's heading")
			.isEqualTo("Open day");
		// The swapped part works as a loaded page does: its menu button and its player.
		owner.findElement(role("button", "More actions")).click();
		assertThat(owner.findElement(role("menuitem", "Delete media")).isDisplayed()).isTrue();
		assertThat(owner.findElement(By.id("playback-speed")).isDisplayed()).isTrue();

		owner.navigate().back();
		waiting(owner).until(ExpectedConditions.urlMatches(".*/media$"));
		waiting(owner).until((driver) -> "Media".equals(heading(driver)));
		assertThat(owner.findElement(By.linkText("Open day")).isDisplayed()).isTrue();
	}

	@Test
	void aRefusedFileIsExplainedWhereTheFormWasAndTheFormWorksAgain() {
		ChromeDriver owner = browser();
		Person member = this.fixtures.member(this.port);
		signIn(owner, member.username(), member.password());
		owner.get(url("/media"));
		script(owner, "window.samePage = true");
		owner.findElement(By.id("video-title")).sendKeys("Not a video");
		owner.findElement(By.id("video-file"))
			.sendKeys(Path.of("src/main/resources/demo/captions-en.vtt").toAbsolutePath().toString());
		WebElement button = owner.findElement(By.cssSelector("form[data-upload] button[type=submit]"));
		button.click();
		// The refusal is next to the file field, which describes itself by it.
		WebElement error = visible(owner, By.id("video-file-error"));
		assertThat(error.getText()).isEqualTo("Upload an MP4, WebM or Ogg video.");
		WebElement file = owner.findElement(By.id("video-file"));
		assertThat(file.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(file.getAttribute("aria-describedby").split(" ")).contains("video-file-error");
		assertThat(owner.findElement(By.id("video-title")).getDomProperty("value")).as("the title, as typed")
			.isEqualTo("Not a video");
		assertThat(owner.getCurrentUrl()).as("the refused post is not an address to go back to").endsWith("/media");
		assertThat(script(owner, "return window.samePage")).as("swapped by htmx, not loaded").isEqualTo(true);
		assertThat(owner.switchTo().activeElement()).as("focus on what was refused").isEqualTo(file);
		look(owner, "upload-refused");

		owner.findElement(By.id("video-title")).clear();
		owner.findElement(By.id("video-title")).sendKeys("A video after all");
		owner.findElement(By.id("video-file"))
			.sendKeys(Path.of("src/test/resources/media/sample.webm").toAbsolutePath().toString());
		owner.findElement(By.cssSelector("form[data-upload] button[type=submit]")).click();
		waiting(owner).until(ExpectedConditions.urlMatches(".*/media/\\d+$"));
		waiting(owner).until((driver) -> "A video after all".equals(heading(driver)));
	}

}
