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
		assertThatIllegalArgumentException().isThrownBy(() -> ContentSecurityPolicy.withFrameAncestors("http://lms.example"));
		assertThatIllegalArgumentException().isThrownBy(() -> ContentSecurityPolicy.withFrameAncestors("*"));
	}

}
