package org.guestpass.lti;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.guestpass.Accessible;
import org.guestpass.BrowserTest;
import org.guestpass.Fixtures.Person;
import org.guestpass.MutableClock;
import org.guestpass.audit.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LTI pages in real Chromium, launched the way a platform launches GuestPass: the
 * browser opens the login, is sent to the fake platform's authorization endpoint, and
 * comes back with its form post. A teacher lands on their media signed in, a learner on
 * the page that sends them to the course, a forged launch on the refusal page; an admin
 * confirms a Dynamic Registration. Each page is looked at (phone and dark, axe-core).
 */
class LtiPagesBrowserTests extends BrowserTest {

	@Autowired
	Platforms platforms;

	@Autowired
	MutableClock clock;

	FakePlatform platform;

	@BeforeEach
	void register() {
		this.platform = FakePlatform.start(this.clock);
		// The platform's pages on localhost, as GuestPass's are: one site for the
		// browser, so its form post carries GuestPass's login cookie (SameSite=Lax).
		this.platforms.add(this.platform.draft(local(this.platform.authorizationUrl())), Actor.user("test")).value();
	}

	@AfterEach
	void stop() {
		this.platform.close();
	}

	@Test
	void aTeacherLandsSignedInOnTheirMediaAndALearnerIsSentToTheCourse() {
		WebDriver teacher = browser();
		launch(teacher, this.platform.resourceLinkLaunch(null, url("/lti/launch")));
		waiting(teacher).until(ExpectedConditions.urlMatches(".*/media$"));
		assertThat(heading(teacher)).isEqualTo("Media");
		assertThat(teacher.findElement(By.cssSelector("header .who")).getText()).isEqualTo("Ada Lovelace");

		WebDriver learner = browser();
		launch(learner, this.platform.resourceLinkLaunch(null, url("/lti/launch")).learner());
		waiting(learner).until((driver) -> "Nothing to show here".equals(heading(driver)));
		look(learner, "lti-learner");
		learner.get(url("/media"));
		assertThat(learner.getCurrentUrl()).as("a learner is not signed in").endsWith("/login");
	}

	@Test
	void aForgedLaunchEndsOnAPageThatSaysWhy() {
		WebDriver browser = browser();
		launch(browser, this.platform.resourceLinkLaunch(null, url("/lti/launch")).signedWithAnotherKey());
		waiting(browser).until((driver) -> "GuestPass could not open".equals(heading(driver)));
		assertThat(browser.findElement(By.id("reason")).getText()).isEqualTo(LaunchRefusal.SIGNATURE_INVALID.message());
		assertThat(browser.findElement(By.id("reference")).getText()).hasSize(10);
		look(browser, "lti-launch-refused");
	}

	@Test
	void anAdminConfirmsADynamicRegistration() {
		Person admin = this.fixtures.admin(this.port);
		WebDriver driver = browser();
		signIn(driver, admin.username(), admin.password());
		try (FakePlatform unregistered = FakePlatform.start(this.clock)) {
			driver.get(url(unregistered.registrationInitiation("/lti/register")));
			assertThat(heading(driver)).isEqualTo("Register GuestPass with your LMS");
			look(driver, "lti-register");
			driver.findElement(Accessible.role("button", "Register GuestPass")).click();
			waiting(driver).until((page) -> "GuestPass is registered".equals(heading(page)));
			look(driver, "lti-registered");
			assertThat(this.platforms.find(unregistered.issuer(), unregistered.clientId())).isPresent();
		}
	}

	/** Opens the platform's login for this token, as the LMS's link would. */
	private void launch(WebDriver browser, FakePlatform.IdToken token) {
		String hint = this.platform.loginHint(token);
		browser.get(url("/lti/login?iss=" + encode(this.platform.issuer()) + "&login_hint=" + encode(hint)
				+ "&target_link_uri=" + encode(url("/lti/launch")) + "&client_id=" + encode(this.platform.clientId())));
	}

	private static String local(String url) {
		return url.replace("://127.0.0.1:", "://localhost:");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
