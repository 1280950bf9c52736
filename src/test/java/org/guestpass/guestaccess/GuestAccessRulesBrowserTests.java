package org.guestpass.guestaccess;

import java.util.Map;

import org.guestpass.Accessible;
import org.guestpass.Astral;
import org.guestpass.BrowserTest;
import org.guestpass.Fixtures.Person;
import org.guestpass.account.Accounts;
import org.guestpass.account.GuestLinkPermission;
import org.guestpass.account.Role;
import org.guestpass.audit.Actor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.Accessible.role;

/**
 * The rules as a person meets them in Chromium: refusals, limits, who sees the menu, what
 * the keyboard does, and how wrong input is explained.
 */
class GuestAccessRulesBrowserTests extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Test
	void afterTheMediaIsDeletedTheGuestsRefreshSaysItIsNoLongerAvailable() {
		ChromeDriver owner = browser();
		Person member = this.fixtures.member(this.port);
		signIn(owner, member.username(), member.password());
		uploadVideo(owner, "Short-lived");
		openManageGuestAccess(owner);
		toggleGuestAccess(owner);
		createLink(owner, "Link", "", "7");
		String link = linkUrl(owner, "Link");
		WebDriver guest = browser();
		admit(guest, link, "Guest", "guest@example.org");

		owner.navigate().refresh();
		owner.findElement(role("button", "More actions")).click();
		clickAndWait(owner, role("menuitem", "Delete media"));
		look(owner, "delete-media");
		clickAndWait(owner, By.xpath("//button[text()='Delete media']"));
		assertThat(owner.getCurrentUrl()).endsWith("/media");

		guest.navigate().refresh();
		assertThat(heading(guest)).isEqualTo("This media is no longer available");
		look(guest, "message-media-gone");
	}

	@Test
	void theFourthLinkCannotBeCreated() {
		ChromeDriver owner = browser();
		Person member = this.fixtures.member(this.port);
		signIn(owner, member.username(), member.password());
		long media = member.liveSession("Three links at most");
		owner.get(url("/media/" + media));
		openManageGuestAccess(owner);
		toggleGuestAccess(owner);
		for (int i = 1; i <= 3; i++) {
			createLink(owner, "Link " + i, "", "");
		}
		assertThat(owner.findElement(By.cssSelector(".count-line")).getText()).isEqualTo("3 links");
		WebElement create = owner.findElement(role("button", "Create new link"));
		assertThat(create.isEnabled()).isFalse();
		assertThat(owner.findElement(By.id("create-hint")).getText())
			.isEqualTo("This item has as many links as allowed. Delete one to create another.");

		// A second tab still showing the form when the limit was reached is told so in
		// the dialog.
		WebDriver tab = browser();
		signIn(tab, member.username(), member.password());
		tab.get(url("/media/" + media + "/guest-links/new"));
		fillLinkForm(tab, "Link 4", "", "");
		clickAndWait(tab, By.xpath("//button[text()='Create']"));
		assertThat(tab.findElement(By.cssSelector("[role=alert]")).getText())
			.isEqualTo("This item already has as many guest links as allowed.");
		assertThat(member.api().json("GET", "/api/v1/media/" + media + "/guest-access", null).body())
			.doesNotContain("Link 4");
	}

	@Test
	void thereIsNoMenuItemOnAChannelRoomNorForSomeoneNotPermitted() {
		Person member = this.fixtures.member(this.port);
		long room = member.createLinked("Channel room", "channel_room");
		long session = member.liveSession("Live session");
		ChromeDriver browser = browser();
		signIn(browser, member.username(), member.password());

		browser.get(url("/media/" + room));
		browser.findElement(role("button", "More actions")).click();
		assertThat(browser.findElements(role("menuitem", "Manage guest access"))).isEmpty();

		browser.get(url("/media/" + session));
		browser.findElement(role("button", "More actions")).click();
		assertThat(browser.findElements(role("menuitem", "Manage guest access"))).hasSize(1);

		this.accounts.change(member.id(), Role.member, GuestLinkPermission.deny, Actor.user("test"));
		browser.navigate().refresh();
		browser.findElement(role("button", "More actions")).click();
		assertThat(browser.findElements(role("menuitem", "Manage guest access"))).isEmpty();
	}

	@Test
	void markupInNamesIsShownAsText() {
		String hostile = "<img src=x onerror=alert(1)>";
		ChromeDriver owner = browser();
		Person member = this.fixtures.member(this.port);
		signIn(owner, member.username(), member.password());
		long media = member.liveSession(hostile);
		owner.get(url("/media/" + media));
		assertThat(heading(owner)).isEqualTo(hostile);
		openManageGuestAccess(owner);
		toggleGuestAccess(owner);
		createLink(owner, hostile, "", "");
		assertThat(linkRow(owner, hostile).getText()).contains(hostile);
		String link = linkUrl(owner, hostile);

		WebDriver guest = browser();
		guest.get(link);
		assertThat(heading(guest)).isEqualTo(hostile);
		admit(guest, link, hostile, "guest@example.org");
		assertThat(guest.findElement(By.cssSelector(".guest-name")).getText()).isEqualTo("Watching as " + hostile);
		assertThat(guest.findElements(By.cssSelector("img"))).isEmpty();
		owner.get(url("/media"));
		assertThat(owner.findElement(By.cssSelector(".media-list")).getText()).contains(hostile);
		assertThat(owner.findElements(By.cssSelector("img"))).isEmpty();
	}

	@Test
	void theMenuAndTheDialogsWorkFromTheKeyboard() {
		ChromeDriver owner = browser();
		Person member = this.fixtures.member(this.port);
		signIn(owner, member.username(), member.password());
		long media = member.liveSession("Keyboard");
		owner.get(url("/media/" + media));

		WebElement moreActions = owner.findElement(role("button", "More actions"));
		moreActions.sendKeys(Keys.ENTER);
		waiting(owner).until((d) -> "true".equals(moreActions.getAttribute("aria-expanded")));
		assertThat(owner.switchTo().activeElement().getText()).isEqualTo("Manage guest access");
		owner.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
		assertThat(owner.switchTo().activeElement().getText()).isEqualTo("Delete media");
		owner.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
		assertThat(owner.switchTo().activeElement().getText()).isEqualTo("Manage guest access");
		owner.switchTo().activeElement().sendKeys(Keys.ESCAPE);
		assertThat(moreActions.getAttribute("aria-expanded")).isEqualTo("false");
		waiting(owner).until((d) -> d.switchTo().activeElement().equals(moreActions));

		moreActions.sendKeys(Keys.ENTER);
		waiting(owner).until((d) -> "true".equals(moreActions.getAttribute("aria-expanded")));
		owner.switchTo().activeElement().sendKeys(Keys.ENTER);
		WebElement dialog = visible(owner, By.id("panel-dialog"));
		owner.switchTo().activeElement().sendKeys(Keys.ESCAPE);
		waiting(owner).until(ExpectedConditions.invisibilityOf(dialog));
		waiting(owner).until((d) -> d.switchTo().activeElement().equals(moreActions));
	}

	@Test
	void theMenuButtonOpensWithSpaceAndTheArrowKeysAndClosesWhenFocusOrAClickLeavesIt() {
		ChromeDriver owner = browser();
		Person member = this.fixtures.member(this.port);
		signIn(owner, member.username(), member.password());
		long media = member.liveSession("Keys");
		owner.get(url("/media/" + media));
		WebElement moreActions = owner.findElement(role("button", "More actions"));

		moreActions.sendKeys(Keys.SPACE);
		waiting(owner).until((d) -> "true".equals(moreActions.getAttribute("aria-expanded")));
		assertThat(owner.switchTo().activeElement().getText()).isEqualTo("Manage guest access");
		owner.switchTo().activeElement().sendKeys(Keys.END);
		assertThat(owner.switchTo().activeElement().getText()).isEqualTo("Delete media");
		owner.switchTo().activeElement().sendKeys(Keys.HOME);
		assertThat(owner.switchTo().activeElement().getText()).isEqualTo("Manage guest access");
		owner.switchTo().activeElement().sendKeys(Keys.ESCAPE);
		waiting(owner).until((d) -> d.switchTo().activeElement().equals(moreActions));

		moreActions.sendKeys(Keys.ARROW_DOWN);
		assertThat(moreActions.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(owner.switchTo().activeElement().getText()).isEqualTo("Manage guest access");
		owner.switchTo().activeElement().sendKeys(Keys.TAB);
		assertThat(moreActions.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(owner.findElements(role("menuitem", "Manage guest access"))).isEmpty();

		moreActions.sendKeys(Keys.ARROW_UP);
		assertThat(owner.switchTo().activeElement().getText()).isEqualTo("Delete media");
		owner.findElement(By.tagName("h1")).click();
		assertThat(moreActions.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(owner.findElements(role("menuitem", "Delete media"))).isEmpty();
	}

	@Test
	void moreActionsCreateNewLinkAndDeleteLinkAreButtonsInTheAccessibilityTree() {
		ChromeDriver owner = browser();
		Person member = this.fixtures.member(this.port);
		signIn(owner, member.username(), member.password());
		long media = member.liveSession("Buttons");
		owner.get(url("/media/" + media));

		WebElement moreActions = owner.findElement(role("button", "More actions"));
		assertThat(moreActions.getAriaRole()).isEqualTo("button");
		assertThat(moreActions.getAccessibleName()).isEqualTo("More actions");
		Map<String, Object> closed = Accessible.node(owner, "button", "More actions");
		assertThat(Accessible.property(closed, "hasPopup")).isEqualTo("menu");
		assertThat(Accessible.property(closed, "expanded")).isEqualTo(false);
		assertThat(owner.findElements(role("menu", "More actions"))).isEmpty();

		moreActions.click();
		assertThat(Accessible.property(Accessible.node(owner, "button", "More actions"), "expanded")).isEqualTo(true);
		WebElement menu = owner.findElement(role("menu", "More actions"));
		assertThat(menu.findElements(role("menuitem", "Manage guest access"))).hasSize(1);
		assertThat(menu.findElements(role("menuitem", "Delete media"))).hasSize(1);
		look(owner, "media-page-menu-open");
		owner.findElement(role("menuitem", "Manage guest access")).click();
		visible(owner, By.id("guest-access-title"));
		toggleGuestAccess(owner);

		WebElement create = owner.findElement(role("button", "Create new link"));
		assertThat(create.getAriaRole()).isEqualTo("button");
		assertThat(create.getAccessibleName()).isEqualTo("Create new link");
		assertThat(owner.findElements(role("link", "Create new link"))).isEmpty();
		createLink(owner, "Trash can", "", "");
		WebElement delete = linkRow(owner, "Trash can").findElement(role("button", "Delete link"));
		assertThat(delete.getAriaRole()).isEqualTo("button");
		assertThat(delete.getAccessibleName()).isEqualTo("Delete link");
		assertThat(linkRow(owner, "Trash can").findElements(role("link", "Delete link"))).isEmpty();
	}

	@Test
	void wrongInputIsExplainedNextToTheFieldByTheBrowserAndByTheServer() {
		ChromeDriver owner = browser();
		Person member = this.fixtures.member(this.port);
		signIn(owner, member.username(), member.password());
		long media = member.liveSession("Validation");
		owner.get(url("/media/" + media));
		openManageGuestAccess(owner);
		toggleGuestAccess(owner);
		owner.findElement(role("button", "Create new link")).click();
		visible(owner, By.id("create-link-dialog"));

		fillLinkForm(owner, "   ", "0", "400");
		owner.findElement(By.xpath("//dialog[@id='create-link-dialog']//button[text()='Create']")).click();
		assertThat(owner.findElement(By.id("name-error")).getText())
			.isEqualTo("Enter a link name of 1 to 100 characters.");
		assertThat(owner.findElement(By.id("maxClicks-error")).getText())
			.isEqualTo("Enter a whole number from 1 to 1000000, or leave it empty.");
		assertThat(owner.findElement(By.id("durationDays-error")).getText())
			.isEqualTo("Enter a whole number of days from 1 to 365, or leave it empty.");
		assertThat(owner.findElement(By.id("name")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(owner.switchTo().activeElement().getAttribute("id")).isEqualTo("name");
		look(owner, "create-new-link-errors");

		// The server has its own say: a name that only the server refuses comes back in
		// the dialog.
		fillLinkForm(owner, "bad\u200Bname", "", "");
		clickAndWait(owner, By.xpath("//dialog[@id='create-link-dialog']//button[text()='Create']"));
		WebElement dialog = visible(owner, By.id("create-link-dialog"));
		assertThat(dialog.findElement(By.id("name-error")).getText())
			.isEqualTo("Enter a link name of 1 to 100 characters.");
		assertThat(owner.findElement(By.cssSelector(".count-line")).getText()).isEqualTo("No links added");
	}

	@Test
	void aNameOfTheMostEmojiCanBeTypedAndOneMoreIsExplainedBeforeAnythingIsSent() {
		ChromeDriver owner = browser();
		Person member = this.fixtures.member(this.port);
		signIn(owner, member.username(), member.password());
		long media = member.liveSession("Emoji names");
		owner.get(url("/media/" + media));
		openManageGuestAccess(owner);
		toggleGuestAccess(owner);
		owner.findElement(role("button", "Create new link")).click();
		visible(owner, By.id("create-link-dialog"));

		type(owner, "name", Astral.text(TextRules.MAX_NAME + 1));
		assertThat(characters(owner, "name")).as("no maxlength cuts it").isEqualTo(TextRules.MAX_NAME + 1);
		owner.findElement(By.xpath("//dialog[@id='create-link-dialog']//button[text()='Create']")).click();
		assertThat(owner.findElement(By.id("name-error")).getText()).isEqualTo(TextRules.LINK_NAME.message());
		assertThat(owner.findElement(By.cssSelector(".count-line")).getText()).isEqualTo("No links added");
		owner.findElement(By.id("name")).sendKeys(Keys.BACK_SPACE);
		assertThat(characters(owner, "name")).isEqualTo(TextRules.MAX_NAME);
		clickAndWait(owner, By.xpath("//dialog[@id='create-link-dialog']//button[text()='Create']"));
		visible(owner, By.id("guest-access-panel"));
		assertThat(owner.findElement(By.cssSelector(".count-line")).getText()).isEqualTo("1 link");
		String link = linkUrl(owner, Astral.text(TextRules.MAX_NAME));

		ChromeDriver guest = browser();
		guest.get(link);
		String name = Astral.after("Jane Roe ", TextRules.MAX_NAME + 1);
		type(guest, "name", name);
		guest.findElement(By.id("email")).sendKeys("jane.roe@example.org");
		guest.findElement(By.xpath("//button[text()='Continue']")).click();
		assertThat(guest.getCurrentUrl()).isEqualTo(link);
		assertThat(script(guest, "return document.getElementById('name').validationMessage"))
			.isEqualTo("Enter a name of 1 to " + TextRules.MAX_NAME + " characters.");
		guest.findElement(By.id("name")).sendKeys(Keys.BACK_SPACE);
		clickAndWait(guest, By.xpath("//button[text()='Continue']"));
		assertThat(guest.getCurrentUrl()).contains("/guest/media/" + media);
		assertThat(guest.findElement(By.cssSelector(".guest-name strong")).getText())
			.isEqualTo(Astral.after("Jane Roe ", TextRules.MAX_NAME));
	}

	/**
	 * Types text as a keyboard's input method would, through the DevTools protocol, since
	 * ChromeDriver's sendKeys takes only characters of the Basic Multilingual Plane;
	 * maxlength applies as to a person.
	 */
	private static void type(ChromeDriver driver, String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.click();
		driver.executeCdpCommand("Input.insertText", Map.of("text", text));
	}

	/** How many characters (code points) the field holds. */
	private static long characters(WebDriver driver, String id) {
		return (Long) script(driver, "return Array.from(document.getElementById('" + id + "').value).length");
	}

}
