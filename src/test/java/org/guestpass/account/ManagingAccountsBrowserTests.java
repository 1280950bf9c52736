package org.guestpass.account;

import org.guestpass.BrowserTest;
import org.guestpass.Fixtures.Person;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin disables and enables a member, resets their password and revokes their API
 * tokens on the users page, in Chromium with and without JavaScript and by keyboard;
 * every screen is looked at and checked with axe-core.
 */
class ManagingAccountsBrowserTests extends BrowserTest {

	@Test
	void anAdminDisablesAndEnablesAMemberAndResetsTheirPassword() {
		Person admin = this.fixtures.admin(this.port);
		Person member = this.fixtures.member(this.port);
		ChromeDriver memberBrowser = browser();
		signIn(memberBrowser, member.username(), member.password());
		ChromeDriver driver = browser();
		signIn(driver, admin.username(), admin.password());

		driver.findElement(By.linkText("Users")).click();
		assertThat(status(driver, member)).isEqualTo("Active");
		look(driver, "admin-users-actions");
		WebElement disable = button(driver, "Disable " + member.username());
		disable.sendKeys(Keys.ENTER);
		waiting(driver).until(ExpectedConditions.stalenessOf(disable));

		assertThat(notice(driver)).isEqualTo("Disabled " + member.username() + ". They are signed out, can't sign in,"
				+ " and their API tokens don't work until you enable them again.");
		assertThat(status(driver, member)).isEqualTo("Disabled");
		look(driver, "admin-users-disabled");
		memberBrowser.navigate().refresh();
		assertThat(memberBrowser.getCurrentUrl()).endsWith("/login");

		clickAndWait(driver, By.xpath(byName("button", "Enable " + member.username())));
		assertThat(notice(driver))
			.isEqualTo("Enabled " + member.username() + ". They can sign in again, and their API tokens work again.");
		assertThat(status(driver, member)).isEqualTo("Active");

		clickAndWait(driver, By.xpath(byName("a", "Reset password of " + member.username())));
		assertThat(heading(driver)).isEqualTo("Reset password");
		WebElement password = driver.findElement(By.id("password"));
		assertThat(password.getAccessibleName()).isEqualTo("New password");
		look(driver, "admin-reset-password");
		password.sendKeys("é".repeat(37));
		clickAndWait(driver, By.xpath(byName("button", "Reset password")));
		assertThat(driver.findElement(By.id("password-error")).getText()).isEqualTo(
				"Use at most 72 bytes: a letter or digit without an accent takes 1, an accented letter 2, an emoji 4.");
		look(driver, "admin-reset-password-error");
		driver.findElement(By.id("password")).sendKeys("a new password for the member");
		clickAndWait(driver, By.xpath(byName("button", "Reset password")));
		assertThat(notice(driver)).isEqualTo("Reset the password of " + member.username()
				+ ". They are signed out everywhere and sign in with the new password.");

		memberBrowser.manage().deleteAllCookies();
		signIn(memberBrowser, member.username(), "a new password for the member");
	}

	@Test
	void anAdminRevokesAMembersApiTokens() {
		Person admin = this.fixtures.admin(this.port);
		Person member = this.fixtures.member(this.port);
		ChromeDriver driver = browser();
		signIn(driver, admin.username(), admin.password());
		driver.get(url("/admin/users"));

		clickAndWait(driver, By.xpath(byName("a", "Revoke API tokens of " + member.username())));
		assertThat(heading(driver)).isEqualTo("Revoke API tokens");
		assertThat(driver.findElement(By.cssSelector("table.tokens tbody td")).getText()).isEqualTo("tests");
		look(driver, "admin-revoke-tokens");
		clickAndWait(driver, By.xpath(byName("button", "Revoke API tokens")));

		assertThat(notice(driver))
			.isEqualTo("Revoked the API token of " + member.username() + ". Scripts that used them no longer get in.");
		assertThat(member.api().get("/api/v1/media").status()).isEqualTo(401);
	}

	@Test
	void everyActionWorksWithoutJavaScript() {
		Person admin = this.fixtures.admin(this.port);
		Person member = this.fixtures.member(this.port);
		ChromeDriver driver = browserWithoutJavaScript();
		signIn(driver, admin.username(), admin.password());
		driver.get(url("/admin/users"));

		clickAndWait(driver, By.xpath(byName("button", "Disable " + member.username())));
		assertThat(status(driver, member)).isEqualTo("Disabled");
		clickAndWait(driver, By.xpath(byName("button", "Enable " + member.username())));
		assertThat(status(driver, member)).isEqualTo("Active");
		clickAndWait(driver, By.xpath(byName("a", "Reset password of " + member.username())));
		driver.findElement(By.id("password")).sendKeys("typed without any script");
		clickAndWait(driver, By.xpath(byName("button", "Reset password")));
		assertThat(notice(driver)).startsWith("Reset the password of " + member.username() + ".");
		clickAndWait(driver, By.xpath(byName("a", "Revoke API tokens of " + member.username())));
		clickAndWait(driver, By.xpath(byName("button", "Revoke " + "tests")));
		assertThat(notice(driver)).isEqualTo("Revoked the API token “tests” of " + member.username() + ".");
		assertThat(driver.findElement(By.tagName("main")).getText())
			.contains(member.username() + " has no API tokens.");

		WebDriver memberBrowser = browserWithoutJavaScript();
		signIn(memberBrowser, member.username(), "typed without any script");
	}

	/**
	 * An element of this tag whose accessible name, visually hidden words included, is
	 * the given one.
	 */
	private static String byName(String tag, String name) {
		return "//main//" + tag + "[normalize-space()='" + name + "']";
	}

	private static WebElement button(WebDriver driver, String name) {
		WebElement button = driver.findElement(By.xpath(byName("button", name)));
		assertThat(button.getAccessibleName()).isEqualTo(name);
		return button;
	}

	private static String status(WebDriver driver, Person person) {
		return driver.findElement(By.id("status-" + person.id())).getText();
	}

	private static String notice(WebDriver driver) {
		return driver.findElement(By.cssSelector(".notice")).getText();
	}

}
