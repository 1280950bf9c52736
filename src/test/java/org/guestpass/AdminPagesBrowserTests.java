package org.guestpass;

import org.guestpass.Fixtures.Person;
import org.guestpass.audit.Actor;
import org.guestpass.audit.AuditAction;
import org.guestpass.settings.SiteSettings;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages in Chromium: site settings, users and the audit trail, each looked at
 * and checked with axe-core, errors included.
 */
class AdminPagesBrowserTests extends BrowserTest {

	@Autowired
	SiteSettings settings;

	@Autowired
	AuditFixtures auditFixtures;

	@Test
	void anAdminChangesTheSiteSettingsAndSeesAnErrorNextToTheField() {
		Person admin = this.fixtures.admin(this.port);
		WebDriver driver = browser();
		signIn(driver, admin.username(), admin.password());

		driver.findElement(By.linkText("Site settings")).click();
		assertThat(heading(driver)).isEqualTo("Site settings");
		look(driver, "admin-settings");
		new Select(driver.findElement(By.id("mediapage"))).selectByVisibleText("No");
		clickAndWait(driver, By.xpath("//button[text()='Save modules']"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).startsWith("Saved the modules.");
		assertThat(this.settings.modules().mediapage()).isFalse();

		WebElement days = driver.findElement(By.id("maxDurationDays"));
		days.clear();
		days.sendKeys("5000");
		// The browser's own check would stop this; the server's answer is what is tested.
		((JavascriptExecutor) driver)
			.executeScript("document.querySelectorAll('form').forEach((f) => f.noValidate = true)");
		clickAndWait(driver, By.xpath("//button[text()='Save policy']"));
		assertThat(driver.findElement(By.id("maxDurationDays-error")).getText())
			.isEqualTo("Enter a whole number of days from 1 to 3650.");
		assertThat(driver.findElement(By.id("maxDurationDays")).getAccessibleName()).isEqualTo("Longest duration");
		look(driver, "admin-settings-errors");
	}

	@Test
	void anAdminChangesAUserAndReadsTheAuditTrail() {
		Person admin = this.fixtures.admin(this.port);
		Person member = this.fixtures.member(this.port);
		long item = member.liveSession("Weekly seminar");
		this.auditFixtures.record(new Actor("guest:<img src=x onerror=alert(1)>"), AuditAction.ADMISSION, item, 3L,
				"admitted", null);
		WebDriver driver = browser();
		signIn(driver, admin.username(), admin.password());

		driver.findElement(By.linkText("Users")).click();
		assertThat(driver.findElement(By.id("role-" + member.id())).getAccessibleName())
			.isEqualTo("Role of " + member.username());
		new Select(driver.findElement(By.id("guest-links-" + member.id()))).selectByVisibleText("Allow");
		look(driver, "admin-users");
		clickAndWait(driver, By.xpath("//button[normalize-space()='Save " + member.username() + "']"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText())
			.isEqualTo("Saved " + member.username() + ": Member, guest links: Allow.");

		driver.findElement(By.linkText("Audit")).click();
		assertThat(heading(driver)).isEqualTo("Audit");
		look(driver, "admin-audit");
		driver.findElement(By.id("mediaId")).sendKeys(String.valueOf(item));
		clickAndWait(driver, By.xpath("//button[text()='Show']"));
		assertThat(driver.findElement(By.cssSelector("table caption")).getText())
			.isEqualTo("Events of item " + item + ", newest first");
		assertThat(driver.findElement(By.cssSelector("tbody tr:first-child td:nth-child(2)")).getText())
			.isEqualTo("guest:<img src=x onerror=alert(1)>");
		look(driver, "admin-audit-item");
	}

}
