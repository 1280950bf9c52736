package org.guestpass.lti;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The Canvas developer-key JSON, as Jackson writes it: every field Canvas reads, with
 * GuestPass's URLs under the base URL, and nothing else.
 */
class CanvasConfigurationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BASE = "https://guestpass.school.example";

	@Test
	void theConfigurationHoldsEveryFieldCanvasReadsAndNothingElse() {
		JsonNode written = JSON.readTree(JSON.writeValueAsString(CanvasConfiguration.of(BASE)));
		JsonNode expected = JSON.readTree("""
				{
				  "title": "GuestPass",
				  "description": "GuestPass shares one media item with people outside the LMS through guest links.",
				  "oidc_initiation_url": "https://guestpass.school.example/lti/login",
				  "target_link_uri": "https://guestpass.school.example/lti/launch",
				  "public_jwk_url": "https://guestpass.school.example/lti/jwks",
				  "scopes": [],
				  "extensions": [ {
				    "platform": "canvas.instructure.com",
				    "domain": "guestpass.school.example",
				    "tool_id": "guestpass",
				    "privacy_level": "public",
				    "settings": {
				      "text": "GuestPass",
				      "placements": [ {
				        "placement": "course_navigation",
				        "message_type": "LtiResourceLinkRequest",
				        "target_link_uri": "https://guestpass.school.example/lti/launch",
				        "text": "GuestPass"
				      }, {
				        "placement": "editor_button",
				        "message_type": "LtiDeepLinkingRequest",
				        "target_link_uri": "https://guestpass.school.example/lti/launch",
				        "text": "GuestPass",
				        "selection_width": 800,
				        "selection_height": 600
				      }, {
				        "placement": "link_selection",
				        "message_type": "LtiDeepLinkingRequest",
				        "target_link_uri": "https://guestpass.school.example/lti/launch",
				        "text": "GuestPass"
				      } ]
				    }
				  } ],
				  "custom_fields": {
				    "course_end_at": "$Canvas.course.endAt",
				    "term_end_at": "$Canvas.term.endAt"
				  }
				}
				""");
		assertThat(written).isEqualTo(expected);
	}

	@Test
	void theFieldsAreReadWhereCanvasLooksForThem() {
		String json = JSON.writeValueAsString(CanvasConfiguration.of(BASE));
		assertThat((String) JsonPath.read(json, "$.title")).isEqualTo("GuestPass");
		assertThat((String) JsonPath.read(json, "$.description")).contains("guest links").endsWith(".");
		assertThat((String) JsonPath.read(json, "$.oidc_initiation_url")).isEqualTo(BASE + "/lti/login");
		assertThat((String) JsonPath.read(json, "$.target_link_uri")).isEqualTo(BASE + "/lti/launch");
		assertThat((String) JsonPath.read(json, "$.public_jwk_url")).isEqualTo(BASE + "/lti/jwks");
		assertThat((List<String>) JsonPath.read(json, "$.scopes")).isEmpty();
		assertThat((List<Object>) JsonPath.read(json, "$.extensions")).hasSize(1);
		assertThat((String) JsonPath.read(json, "$.extensions[0].platform")).isEqualTo("canvas.instructure.com");
		assertThat((String) JsonPath.read(json, "$.extensions[0].domain")).isEqualTo("guestpass.school.example");
		assertThat((String) JsonPath.read(json, "$.extensions[0].tool_id")).isEqualTo("guestpass");
		assertThat((String) JsonPath.read(json, "$.extensions[0].privacy_level")).isEqualTo("public");
		assertThat((String) JsonPath.read(json, "$.extensions[0].settings.text")).isEqualTo("GuestPass");
		String placements = "$.extensions[0].settings.placements";
		assertThat((List<String>) JsonPath.read(json, placements + "[*].placement"))
			.containsExactly("course_navigation", "editor_button", "link_selection");
		assertThat((List<String>) JsonPath.read(json, placements + "[*].message_type"))
			.containsExactly("LtiResourceLinkRequest", "LtiDeepLinkingRequest", "LtiDeepLinkingRequest");
		assertThat((List<String>) JsonPath.read(json, placements + "[*].target_link_uri"))
			.containsOnly(BASE + "/lti/launch")
			.hasSize(3);
		assertThat((List<String>) JsonPath.read(json, placements + "[*].text")).containsOnly("GuestPass").hasSize(3);
		assertThat((Integer) JsonPath.read(json, placements + "[1].selection_width")).isEqualTo(800);
		assertThat((Integer) JsonPath.read(json, placements + "[1].selection_height")).isEqualTo(600);
		assertThat((Map<String, Object>) JsonPath.read(json, placements + "[0]")).doesNotContainKeys("selection_width",
				"selection_height");
		assertThat((Map<String, String>) JsonPath.read(json, "$.custom_fields")).containsExactly(
				Map.entry("course_end_at", "$Canvas.course.endAt"), Map.entry("term_end_at", "$Canvas.term.endAt"));
	}

	@Test
	void trailingSlashesAreIgnoredAndAContextPathIsKept() {
		CanvasConfiguration slashes = CanvasConfiguration.of(BASE + "//");
		assertThat(slashes.oidcInitiationUrl()).isEqualTo(BASE + "/lti/login");
		CanvasConfiguration underPath = CanvasConfiguration.of("https://media.school.example:8443/guestpass/");
		assertThat(underPath.targetLinkUri()).isEqualTo("https://media.school.example:8443/guestpass/lti/launch");
		assertThat(underPath.publicJwkUrl()).isEqualTo("https://media.school.example:8443/guestpass/lti/jwks");
		assertThat(underPath.extensions().get(0).domain()).isEqualTo("media.school.example");
	}

	@Test
	void aBaseUrlWithoutAHostIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CanvasConfiguration.of("/guestpass"));
	}

}
