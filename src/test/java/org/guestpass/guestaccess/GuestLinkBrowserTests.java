package org.guestpass.guestaccess;

import org.guestpass.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.Accessible.role;

/**
 * The help article, click by click, in real Chromium: the owner shares a video through a
 * link limited to two clicks, two guests watch it, a third is turned away, and turning
 * guest access off ends the first guest's access at their next refresh.
 */
class GuestLinkBrowserTests extends BrowserTest {

	@Test
	void theArticleStepByStep() {
		ChromeDriver owner = browser();
		allowClipboard(owner);
		signIn(owner, "admin", "admin-password-for-tests");
		look(owner, "library");
		uploadVideo(owner, "Theming design system");
		look(owner, "media-page");

		WebElement dialog = openManageGuestAccess(owner);
		assertThat(dialog.getText()).contains("Manage guest access")
			.contains("Allow link-based access without sign-in. Up to 3 guest links available.")
			.contains("Enable guest access")
			.contains("No links added");
		assertThat(owner.findElement(role("button", "Create new link")).isEnabled()).isFalse();
		look(owner, "manage-guest-access-off");

		toggleGuestAccess(owner);
		assertThat(owner.findElement(role("button", "Create new link")).isDisplayed()).isTrue();
		owner.findElement(role("button", "Create new link")).click();
		WebElement create = visible(owner, By.id("create-link-dialog"));
		assertThat(create.getText()).contains("Create new link")
			.contains("Allow anyone with this link to access the media without signing in.")
			.contains("Link Name")
			.contains("# of clicks")
			.contains("Limit how many times this link can be accessed.")
			.contains("Duration")
			.contains("Day/s")
			.contains("Cancel")
			.contains("Create");
		look(owner, "create-new-link");
		fillLinkForm(owner, "Webinar invite", "2", "30");
		clickAndWait(owner, By.xpath("//dialog[@id='create-link-dialog']//button[text()='Create']"));

		assertThat(visible(owner, By.cssSelector(".count-line")).getText()).isEqualTo("1 link");
		WebElement row = linkRow(owner, "Webinar invite");
		assertThat(row.getText()).contains("0 / 2").containsPattern("[A-Z][a-z]+ \\d{1,2}, \\d{4}");
		assertThat(owner.getCurrentUrl()).as("no page reload").matches(".*/media/\\d+$");
		look(owner, "manage-guest-access-one-link");

		row.findElement(By.cssSelector("button[aria-label='Copy link']")).click();
		assertThat(visible(owner, By.cssSelector(".copied")).getText()).isEqualTo("Link copied");
		String link = clipboard(owner);
		assertThat(link).isEqualTo(linkUrl(owner, "Webinar invite")).startsWith(url("/g/"));

		WebDriver first = browser();
		first.get(link);
		look(first, "guest-entry");
		admit(first, link, "Ada Lovelace", "ada@example.org");
		assertThat(first.findElement(By.cssSelector(".guest-name")).getText()).isEqualTo("Watching as Ada Lovelace");
		assertThat(first.findElements(By.cssSelector("header, nav, a[href]:not([href^='#'])"))).isEmpty();
		assertVideoPlays(first);
		look(first, "guest-media");

		reopenManageGuestAccess(owner);
		assertThat(linkRow(owner, "Webinar invite").getText()).contains("1 / 2");

		WebDriver second = browser();
		admit(second, link, "Grace Hopper", "grace@example.org");
		assertThat(second.findElement(By.cssSelector(".guest-name")).getText()).contains("Grace Hopper");

		WebDriver third = browser();
		third.get(link);
		assertThat(heading(third)).isEqualTo("This link has reached its limit");
		look(third, "message-used-up");

		reopenManageGuestAccess(owner);
		assertThat(linkRow(owner, "Webinar invite").getText()).contains("2 / 2").contains("Used up");
		toggleGuestAccess(owner);
		assertThat(owner.findElement(By.cssSelector("button[role=switch]")).getAttribute("aria-checked"))
			.isEqualTo("false");

		first.navigate().refresh();
		assertThat(heading(first)).isEqualTo("The owner has turned off guest access");
		look(first, "message-turned-off");
	}

	@Test
	void deletingALinkAsksFirstAndEndsItsGuestsAccess() {
		ChromeDriver owner = browser();
		signIn(owner, "admin", "admin-password-for-tests");
		uploadVideo(owner, "Parents' evening");
		openManageGuestAccess(owner);
		toggleGuestAccess(owner);
		createLink(owner, "For parents", "", "");
		assertThat(linkRow(owner, "For parents").getText()).contains("Never").contains("0 / unlimited");
		String link = linkUrl(owner, "For parents");

		WebDriver guest = browser();
		admit(guest, link, "A parent", "parent@example.org");

		linkRow(owner, "For parents").findElement(role("button", "Delete link")).click();
		WebElement confirm = visible(owner, By.id("delete-link-dialog"));
		assertThat(confirm.getText()).contains("For parents").contains("Deleted links can't be restored.");
		look(owner, "delete-link");
		confirm.findElement(By.xpath(".//button[text()='Cancel']")).click();
		waiting(owner).until(ExpectedConditions.invisibilityOf(confirm));
		assertThat(owner.findElements(By.cssSelector("table.links tbody tr"))).hasSize(1);

		linkRow(owner, "For parents").findElement(role("button", "Delete link")).click();
		clickAndWait(owner, By.xpath("//dialog[@id='delete-link-dialog']//button[text()='Delete link']"));
		assertThat(visible(owner, By.cssSelector(".count-line")).getText()).isEqualTo("No links added");

		guest.navigate().refresh();
		assertThat(heading(guest)).isEqualTo("This link isn't valid");
		look(guest, "message-invalid");
		WebDriver newcomer = browser();
		newcomer.get(link);
		assertThat(heading(newcomer)).isEqualTo("This link isn't valid");
	}

	private static void reopenManageGuestAccess(WebDriver owner) {
		owner.navigate().refresh();
		owner.findElement(role("button", "More actions")).click();
		owner.findElement(role("menuitem", "Manage guest access")).click();
		visible(owner, By.id("guest-access-title"));
	}

}
