package org.guestpass.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ContentSecurityPolicyTests {

	@Test
	void noFramingByDefault() {
		assertThat(ContentSecurityPolicy.withFrameAncestors(null)).endsWith("frame-ancestors 'none'")
			.contains("object-src 'none'")
			.contains("base-uri 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(ContentSecurityPolicy.allowsFraming("'none'")).isFalse();
		assertThat(ContentSecurityPolicy.allowsFraming(" ")).isFalse();
	}

	@Test
	void theLmsOriginsAnOperatorConfiguresMayFrameGuestPass() {
		String policy = ContentSecurityPolicy
			.withFrameAncestors("https://canvas.school.example, https://moodle.school.example:8443");
		assertThat(policy).endsWith("frame-ancestors https://canvas.school.example https://moodle.school.example:8443");
		assertThat(ContentSecurityPolicy.allowsFraming("'self'")).isTrue();
	}

	@Test
	void configurationCannotSlipInOtherDirectives() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ContentSecurityPolicy.withFrameAncestors("https://lms.example; script-src *"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ContentSecurityPolicy.withFrameAncestors("http://lms.example"));
		assertThatIllegalArgumentException().isThrownBy(() -> ContentSecurityPolicy.withFrameAncestors("*"));
	}

	@Test
	void aLiveSessionPageMayLoadMediaFromItsStreamsOriginAndNothingElse() {
		String policy = ContentSecurityPolicy.withFrameAncestors(null, "https://streams.school.example:8443");
		assertThat(policy).contains("media-src 'self' blob: https://streams.school.example:8443;")
			.contains("connect-src 'self' https://streams.school.example:8443;")
			.contains("default-src 'self';")
			.doesNotContain("script-src");
		assertThat(StreamSources.origin("https://Streams.School.example:8443/live/a.m3u8?token=x#y"))
			.contains("https://streams.school.example:8443");
		assertThat(StreamSources.origin("http://127.0.0.1:9000/live.m3u8")).contains("http://127.0.0.1:9000");
		for (String hostile : new String[] { "https://a.example;script-src *", "javascript:alert(1)",
				"https://user@evil.example'/x", "data:video/mp4,xx", "/relative.m3u8", "https://[::1]/x" }) {
			assertThat(StreamSources.origin(hostile)).as(hostile).isEmpty();
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ContentSecurityPolicy.withFrameAncestors(null, "https://a.example; script-src *"));
	}

}
