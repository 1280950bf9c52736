package org.guestpass.guestaccess;

import org.guestpass.BrowserTest;
import org.guestpass.Browsers;
import org.guestpass.Fixtures.Person;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.Accessible.role;

/**
 * When JavaScript fails, every core action still works: pages and forms instead of
 * dialogs.
 */
class WithoutJavaScriptBrowserTests extends BrowserTest {

	@Test
	void anOwnerSharesALinkAndAGuestGetsInWithJavaScriptOff() {
		Person member = this.fixtures.member(this.port);
		ChromeDriver owner = browserWithoutJavaScript();
		signIn(owner, member.username(), member.password());
		uploadVideo(owner, "No script needed");

		// A menu button needs a script; without one its entries are plain links.
		assertThat(owner.findElements(role("button", "More actions"))).isEmpty();
		assertThat(owner.findElements(role("link", "Delete media"))).hasSize(1);
		Browsers.screenshot(owner, "media-page-without-javascript");
		clickAndWait(owner, role("link", "Manage guest access"));
		assertThat(heading(owner)).isEqualTo("Manage guest access");
		clickAndWait(owner, By.cssSelector("button[role=switch]"));
		assertThat(owner.findElement(By.cssSelector("button[role=switch]")).getAttribute("aria-checked"))
			.isEqualTo("true");

		// A form without fields that asks for the page: the address ends in an empty
		// query.
		clickAndWait(owner, role("button", "Create new link"));
		assertThat(owner.getCurrentUrl()).endsWith("/guest-links/new?");
		assertThat(owner.findElement(By.id("create-link-title")).getText()).isEqualTo("Create new link");
		// The browser's own checks stop an empty name; the server stops what only it
		// knows.
		fillLinkForm(owner, "", "", "");
		owner.findElement(By.xpath("//button[text()='Create']")).click();
		assertThat(owner.getCurrentUrl()).endsWith("/guest-links/new?");
		fillLinkForm(owner, "zero\u200Bwidth", "", "");
		clickAndWait(owner, By.xpath("//button[text()='Create']"));
		assertThat(owner.findElement(By.id("name-error")).getText())
			.isEqualTo("Enter a link name of 1 to 100 characters.");
		fillLinkForm(owner, "Printed invite", "5", "3");
		clickAndWait(owner, By.xpath("//dialog[@id='create-link-dialog']//button[text()='Create']"));
		assertThat(owner.findElement(By.cssSelector(".count-line")).getText()).isEqualTo("1 link");
		assertThat(linkRow(owner, "Printed invite").getText()).contains("0 / 5");
		String link = linkUrl(owner, "Printed invite");

		WebDriver guest = browserWithoutJavaScript();
		admit(guest, link, "Offline reader", "reader@example.org");
		assertThat(guest.findElement(By.cssSelector(".guest-name")).getText()).contains("Offline reader");

		clickAndWait(owner, role("button", "Delete link"));
		assertThat(owner.getCurrentUrl()).matches(".*/guest-links/\\d+/delete\\?");
		assertThat(owner.findElement(By.tagName("main")).getText()).contains("Deleted links can't be restored.");
		clickAndWait(owner, By.xpath("//button[text()='Delete link']"));
		assertThat(owner.findElement(By.cssSelector(".count-line")).getText()).isEqualTo("No links added");
	}

}
