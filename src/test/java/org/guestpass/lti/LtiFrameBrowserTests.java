package org.guestpass.lti;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.guestpass.BrowserTest;
import org.guestpass.MutableClock;
import org.guestpass.TestCertificate;
import org.guestpass.account.Accounts;
import org.guestpass.account.PlatformUser;
import org.guestpass.account.SignedIn;
import org.guestpass.audit.Actor;
import org.guestpass.media.MediaLibrary;
import org.guestpass.media.MediaType;
import org.guestpass.media.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guestpass.Accessible.role;

/**
 * GuestPass inside an LMS's frame, in real Chromium, over HTTPS as in production: a
 * course page on another site ({@code https://127.0.0.1:…}, the fake platform) frames
 * GuestPass ({@code https://localhost:…}); the launch runs in the frame (login, the
 * platform's authorization endpoint, its form post), so it only works when the login
 * cookie and the session cookie are {@code SameSite=None; Secure; Partitioned} and the
 * pages allow that LMS as a frame ancestor. The teacher then follows the article inside
 * the frame: media page, three dots, Manage guest access, Create new link, copy.
 */
class LtiFrameBrowserTests extends BrowserTest {

	@Autowired
	Platforms platforms;

	@Autowired
	MutableClock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	MediaLibrary library;

	private static final String TEACHER = "teacher-in-the-frame";

	FakePlatform platform;

	String lms;

	@DynamicPropertySource
	static void https(DynamicPropertyRegistry properties) {
		properties.add("server.ssl.key-store", () -> TestCertificate.keyStore().toString());
		properties.add("server.ssl.key-store-type", () -> "PKCS12");
		properties.add("server.ssl.key-store-password", () -> TestCertificate.PASSWORD);
		properties.add("server.ssl.key-alias", () -> TestCertificate.ALIAS);
	}

	@BeforeEach
	void register() {
		this.platform = FakePlatform.start(this.clock);
		this.lms = this.platform.serveBrowserPagesOverHttps(TestCertificate.serverContext());
		this.platforms.add(this.platform.draft(this.lms + "/api/lti/authorize_redirect"), Actor.user("test")).value();
	}

	@AfterEach
	void stop() {
		this.platform.close();
	}

	@Test
	void aTeacherInTheLmsFrameCreatesAndCopiesAGuestLink() {
		// The teacher has launched GuestPass before and has an item.
		SignedIn known = this.accounts
			.signInFromPlatform(new PlatformUser(this.platform.issuer(), this.platform.clientId(), TEACHER,
					"Ada Lovelace", "ada.lovelace@school.example"))
			.value();
		this.library.addLinked(Viewer.of(known), "Guest lecture", "", MediaType.room, "https://meet.example.org/bio101")
			.value();

		ChromeDriver teacher = browserAcceptingTestCertificate();
		openCourse(teacher);
		inFrame(teacher);
		waiting(teacher).until((driver) -> "Media".equals(heading(driver)));
		assertThat(teacher.findElement(By.cssSelector("header .who")).getText()).isEqualTo("Ada Lovelace");
		assertThat(script(teacher, "return window.top === window")).as("inside the course page's frame")
			.isEqualTo(false);
		clickAndWait(teacher, role("link", "Guest lecture"));
		assertThat(heading(teacher)).isEqualTo("Guest lecture");

		openManageGuestAccess(teacher);
		toggleGuestAccess(teacher);
		createLink(teacher, "Parents", "5", "7");
		for (String origin : List.of(url(""), this.lms)) {
			teacher.executeCdpCommand("Browser.grantPermissions",
					Map.of("origin", origin, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
		}
		linkRow(teacher, "Parents").findElement(By.cssSelector("button[aria-label='Copy link']")).click();
		assertThat(visible(teacher, By.cssSelector(".copied")).getText()).isEqualTo("Link copied");
		assertThat(clipboard(teacher)).isEqualTo(linkUrl(teacher, "Parents")).startsWith(url("/g/"));
		assertThat(script(teacher, "return window.top === window")).as("still inside the frame").isEqualTo(false);
	}

	@Override
	protected String url(String path) {
		return "https://localhost:" + this.port + path;
	}

	/** Opens the course page, whose frame starts the launch as Canvas's link does. */
	private void openCourse(WebDriver browser) {
		FakePlatform.IdToken token = this.platform.resourceLinkLaunch(null, url("/lti/launch")).claim("sub", TEACHER);
		String hint = this.platform.loginHint(token);
		this.platform.coursePageFrame(url(
				"/lti/login?iss=" + encode(this.platform.issuer()) + "&login_hint=" + encode(hint) + "&target_link_uri="
						+ encode(url("/lti/launch")) + "&client_id=" + encode(this.platform.clientId())));
		browser.get(this.lms + "/courses/1");
		assertThat(heading(browser)).isEqualTo("Biology 101");
	}

	private static void inFrame(WebDriver browser) {
		browser.switchTo().frame(browser.findElement(By.cssSelector("iframe[title='GuestPass']")));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
