package org.guestpass.guestaccess.web;

import java.util.Map;

import org.guestpass.BoundProperties;
import org.guestpass.system.PublicAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

class GuestLinkUrlsTests {

	private static final String TOKEN = "Bu5vXya0obVA2JjVwNsh9XQfLRDGn4PjM3xnrjRG4OE";

	@AfterEach
	void forgetRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void theConfiguredBaseUrlWins() {
		onRequest("http", "internal-node", 8080);
		assertThat(urls("https://guestpass.school.example/").urlOf(TOKEN))
			.isEqualTo("https://guestpass.school.example/g/" + TOKEN);
	}

	@Test
	void withoutABaseUrlTheRequestsOwnUrlIsUsed() {
		onRequest("https", "media.school.example", 443);
		assertThat(urls(null).urlOf(TOKEN)).isEqualTo("https://media.school.example/g/" + TOKEN);
	}

	@Test
	void aLinkThatCannotBeRecoveredHasNoUrl() {
		assertThat(urls("https://guestpass.school.example").urlOf(null)).isNull();
	}

	private static GuestLinkUrls urls(String baseUrl) {
		return new GuestLinkUrls(new PublicAddress(
				BoundProperties.of((baseUrl != null) ? Map.of("guestpass.base-url", baseUrl) : Map.of())));
	}

	private static void onRequest(String scheme, String host, int port) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setScheme(scheme);
		request.setServerName(host);
		request.setServerPort(port);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

}
