package org.guestpass.lti;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * GuestPass's Canvas developer-key configuration (LTI 1.3), the JSON a Canvas admin
 * pastes under Admin &gt; Developer Keys &gt; + LTI Key &gt; Paste JSON. It names
 * GuestPass's login, launch and key-set URLs, asks for the people's name and email
 * ({@code privacy_level} public), no LTI Advantage services, and the end dates of the
 * course and term as custom fields; GuestPass shows in the course navigation (for
 * resource-link launches) and in the rich content editor and the link selection (for deep
 * linking).
 *
 * @param title the tool's name in Canvas
 * @param description what the tool does, in one sentence
 * @param oidcInitiationUrl the login URL ({@code /lti/login})
 * @param targetLinkUri the launch URL ({@code /lti/launch})
 * @param publicJwkUrl the URL of GuestPass's public keys ({@code /lti/jwks})
 * @param scopes the LTI Advantage scopes asked for: none
 * @param extensions the Canvas settings, in one extension
 * @param customFields the custom fields Canvas sends with every launch, by name
 */
@JsonPropertyOrder({ "title", "description", "oidc_initiation_url", "target_link_uri", "public_jwk_url", "scopes",
		"extensions", "custom_fields" })
public record CanvasConfiguration(String title, String description,
		@JsonProperty("oidc_initiation_url") String oidcInitiationUrl,
		@JsonProperty("target_link_uri") String targetLinkUri, @JsonProperty("public_jwk_url") String publicJwkUrl,
		List<String> scopes, List<Extension> extensions,
		@JsonProperty("custom_fields") Map<String, String> customFields) {

	/** The name GuestPass has in Canvas: the tool's title and its links' text. */
	public static final String TITLE = "GuestPass";

	/** The platform Canvas reads its extension settings from. */
	public static final String CANVAS_PLATFORM = "canvas.instructure.com";

	static final String DESCRIPTION = "GuestPass shares one media item with people outside the LMS "
			+ "through guest links.";

	private static final String RESOURCE_LINK = "LtiResourceLinkRequest";

	private static final String DEEP_LINKING = "LtiDeepLinkingRequest";

	public CanvasConfiguration {
		scopes = List.copyOf(scopes);
		extensions = List.copyOf(extensions);
		customFields = Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
	}

	/**
	 * The configuration of the GuestPass at this URL.
	 * @param baseUrl the public URL of GuestPass, with no path or the context path it
	 * runs under; trailing slashes are ignored
	 * @return the configuration, its URLs under {@code baseUrl}
	 * @throws IllegalArgumentException if {@code baseUrl} is not an absolute URL with a
	 * host
	 */
	public static CanvasConfiguration of(String baseUrl) {
		String base = baseUrl.replaceAll("/+$", "");
		String host = URI.create(base).getHost();
		if (host == null) {
			throw new IllegalArgumentException("Not an absolute URL with a host: " + baseUrl);
		}
		String launch = base + "/lti/launch";
		List<Placement> placements = List.of(
				new Placement("course_navigation", RESOURCE_LINK, launch, TITLE, null, null),
				new Placement("editor_button", DEEP_LINKING, launch, TITLE, 800, 600),
				new Placement("link_selection", DEEP_LINKING, launch, TITLE, null, null));
		Extension canvas = new Extension(CANVAS_PLATFORM, host, "guestpass", "public", new Settings(TITLE, placements));
		Map<String, String> customFields = new LinkedHashMap<>();
		customFields.put("course_end_at", "$Canvas.course.endAt");
		customFields.put("term_end_at", "$Canvas.term.endAt");
		return new CanvasConfiguration(TITLE, DESCRIPTION, base + "/lti/login", launch, base + "/lti/jwks", List.of(),
				List.of(canvas), customFields);
	}

	/**
	 * The Canvas extension of the configuration.
	 *
	 * @param platform always {@value CanvasConfiguration#CANVAS_PLATFORM}
	 * @param domain the host of GuestPass's URL, which Canvas matches links against
	 * @param toolId the tool's id in Canvas
	 * @param privacyLevel what Canvas tells GuestPass of the person: {@code public}, the
	 * name and email
	 * @param settings the tool's text and placements
	 */
	@JsonPropertyOrder({ "platform", "domain", "tool_id", "privacy_level", "settings" })
	public record Extension(String platform, String domain, @JsonProperty("tool_id") String toolId,
			@JsonProperty("privacy_level") String privacyLevel, Settings settings) {

	}

	/**
	 * The settings of the Canvas extension.
	 *
	 * @param text the text of GuestPass's links
	 * @param placements where GuestPass shows in Canvas
	 */
	public record Settings(String text, List<Placement> placements) {

		public Settings {
			placements = List.copyOf(placements);
		}

	}

	/**
	 * One place GuestPass shows in Canvas.
	 *
	 * @param placement the placement's Canvas name
	 * @param messageType the LTI message a launch from there sends
	 * @param targetLinkUri where the launch goes
	 * @param text the link's text
	 * @param selectionWidth the width of the selection dialog, or null for Canvas's
	 * @param selectionHeight the height of the selection dialog, or null for Canvas's
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "placement", "message_type", "target_link_uri", "text", "selection_width",
			"selection_height" })
	public record Placement(String placement, @JsonProperty("message_type") String messageType,
			@JsonProperty("target_link_uri") String targetLinkUri, String text,
			@JsonProperty("selection_width") Integer selectionWidth,
			@JsonProperty("selection_height") Integer selectionHeight) {

	}

}
