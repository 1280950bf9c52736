package org.guestpass.lti;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformUrlsTests {

	@Test
	void aPlatformOnTheNetworkUsesHttps() {
		assertThat(PlatformUrls.isValid("https://canvas.instructure.com", false)).isTrue();
		assertThat(PlatformUrls.isValid("https://moodle.example.org:8443/mod/lti/certs.php", false)).isTrue();
		assertThat(PlatformUrls.isValid("http://moodle.example.org/mod/lti/certs.php", true)).isFalse();
	}

	@Test
	void plainHttpOnThisMachineOnlyWhereTheSettingAllowsIt() {
		for (String url : new String[] { "http://localhost:8080/jwks", "http://127.0.0.1:1/x", "http://[::1]/x" }) {
			assertThat(PlatformUrls.isValid(url, true)).as(url).isTrue();
			assertThat(PlatformUrls.isValid(url, false)).as(url).isFalse();
		}
	}

	@Test
	void refusesWhatIsNoPlainAbsoluteAddress() {
		for (String url : new String[] { "", "/relative", "javascript:alert(1)", "https://user:pass@lms.example/x",
				"https://lms.example/x#fragment", "https://lms.exämple.org/x", "https://lms.example/a b",
				"ftp://lms.example/x", "https://" + "a".repeat(PlatformUrls.MAX) }) {
			assertThat(PlatformUrls.isValid(url, true)).as(url).isFalse();
		}
		assertThat(PlatformUrls.isValid(null, true)).isFalse();
	}

	@Test
	void anOriginIsSchemeHostAndAPortThatIsNotTheDefault() {
		assertThat(PlatformUrls.origin("https://LMS.example:443/a")).isEqualTo("https://lms.example");
		assertThat(PlatformUrls.origin("http://localhost:8080/lti/launch")).isEqualTo("http://localhost:8080");
	}

}
