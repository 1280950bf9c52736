package org.guestpass.lti;

import java.util.UUID;

import org.guestpass.BrowserTest;
import org.guestpass.Fixtures.Person;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.Accessible.role;

/**
 * The LMS platforms page in Chromium, driven by the keyboard and found as assistive
 * technology finds it: a Canvas platform is added with only its name, client ID and
 * deployment ID and is listed, a refusal is shown next to its field, the platform's edit
 * page opens with its preset chosen, and it is removed through the confirmation page;
 * each page is looked at (screenshots, axe-core in both schemes, the CSP).
 */
class PlatformsPageBrowserTests extends BrowserTest {

	@Autowired
	Platforms platforms;

	@Test
	void anAdminAddsACanvasPlatformByKeyboardSeesItListedThenEditsAndRemovesIt() {
		Person admin = this.fixtures.admin(this.port);
		String client = "1000000000" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
		WebDriver driver = browser();
		signIn(driver, admin.username(), admin.password());

		driver.findElement(By.linkText("LMS platforms")).click();
		assertThat(heading(driver)).isEqualTo("LMS platforms");
		WebElement preset = driver.findElement(role("combobox", "Platform"));
		preset.sendKeys("Canvas (b");
		assertThat(preset.getDomProperty("value")).isEqualTo("canvas_beta");
		driver.findElement(role("textbox", "Name")).sendKeys("Canvas (school.beta.instructure.com)");
		driver.findElement(role("textbox", "Client ID")).sendKeys(client);
		driver.findElement(role("textbox", "Deployment IDs")).sendKeys("12:8865aa05b4b79b64a91a86042e43af5ea8ae79eb");
		WebElement add = driver.findElement(role("button", "Add platform"));
		add.sendKeys(Keys.ENTER);
		waiting(driver).until((d) -> d.findElements(By.cssSelector(".notice")).size() == 1);

		assertThat(driver.findElement(By.cssSelector(".notice")).getText())
			.isEqualTo("Added the platform “Canvas (school.beta.instructure.com)”.");
		WebElement row = driver
			.findElement(By.xpath("//table[contains(@class,'platforms')]//tr[td[text()='" + client + "']]"));
		assertThat(row.getText()).contains("Canvas (school.beta.instructure.com)")
			.contains("https://canvas.beta.instructure.com")
			.contains("12:8865aa05b4b79b64a91a86042e43af5ea8ae79eb");
		assertThat(row.findElements(role("link", "Edit Canvas (school.beta.instructure.com)"))).hasSize(1);
		assertThat(row.findElements(role("link", "Remove Canvas (school.beta.instructure.com)"))).hasSize(1);
		assertThat(this.platforms.find("https://canvas.beta.instructure.com", client)).get()
			.extracting(Platform::jwksUrl)
			.isEqualTo("https://sso.beta.canvaslms.com/api/lti/security/jwks");
		look(driver, "admin-lti-platforms");

		driver.findElement(role("combobox", "Platform")).sendKeys("Other");
		driver.findElement(role("textbox", "Name")).sendKeys("Moodle");
		driver.findElement(role("textbox", "Issuer")).sendKeys("https://moodle.school.example");
		driver.findElement(role("textbox", "Client ID")).sendKeys(client);
		driver.findElement(role("textbox", "Authentication request URL")).sendKeys("https://moodle.school.example/a");
		driver.findElement(role("textbox", "Access token URL")).sendKeys("https://moodle.school.example/t");
		driver.findElement(role("textbox", "Public keyset URL")).sendKeys("http://moodle.school.example/k");
		clickAndWait(driver, role("button", "Add platform"));
		WebElement keys = driver.findElement(role("textbox", "Public keyset URL"));
		assertThat(keys.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(driver.findElement(By.id("jwksUrl-error")).getText())
			.isEqualTo(LtiRefusal.JWKS_URL_INVALID.message());
		assertThat(keys.getDomProperty("value")).isEqualTo("http://moodle.school.example/k");
		script(driver, "document.getElementById('jwksUrl').scrollIntoView({block: 'center'})");
		look(driver, "admin-lti-platforms-errors");

		long id = this.platforms.find("https://canvas.beta.instructure.com", client).orElseThrow().id();
		clickAndWait(driver, role("link", "Edit Canvas (school.beta.instructure.com)"));
		assertThat(heading(driver)).isEqualTo("Edit platform");
		assertThat(driver.findElement(role("combobox", "Platform")).getDomProperty("value")).isEqualTo("canvas_beta");
		look(driver, "admin-lti-platform-edit");

		driver.get(url("/admin/lti"));
		clickAndWait(driver, role("link", "Remove Canvas (school.beta.instructure.com)"));
		assertThat(heading(driver)).isEqualTo("Remove platform?");
		look(driver, "admin-lti-platform-remove");
		clickAndWait(driver, role("button", "Remove platform"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText())
			.startsWith("Removed the platform “Canvas (school.beta.instructure.com)”.");
		assertThat(this.platforms.find(id)).isEmpty();
	}

}
