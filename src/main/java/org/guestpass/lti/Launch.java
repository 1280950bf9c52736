package org.guestpass.lti;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A verified LTI 1.3 launch: who launched, from which platform, deployment and course,
 * and what for.
 *
 * @param platform the registration it came through
 * @param deploymentId the deployment, one the registration allows
 * @param subject the platform's id of the user ({@code sub})
 * @param name the user's name, if the platform shares it
 * @param email the user's email, if the platform shares it
 * @param roles the user's LTI role URIs
 * @param messageType {@code LtiResourceLinkRequest} or {@code LtiDeepLinkingRequest}
 * @param targetLinkUri where in GuestPass the launch goes
 * @param claims every claim of the id_token
 */
public record Launch(Platform platform, String deploymentId, String subject, String name, String email,
		List<String> roles, String messageType, String targetLinkUri, Map<String, Object> claims) {

	public static final String RESOURCE_LINK = "LtiResourceLinkRequest";

	public static final String DEEP_LINKING = "LtiDeepLinkingRequest";

	static final String CLAIMS = "https://purl.imsglobal.org/spec/lti/claim/";

	public Launch {
		roles = List.copyOf(roles);
		claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
	}

	/** The course (context) it was launched in, if any. */
	public Optional<Map<String, Object>> context() {
		return object(CLAIMS + "context");
	}

	/** The custom parameters the platform substituted, such as the course's end. */
	public Map<String, Object> custom() {
		return object(CLAIMS + "custom").orElse(Map.of());
	}

	/**
	 * The addresses where the LMS shows this launch: its issuer, its authorization
	 * endpoint, and the page it says to return to
	 * ({@code launch_presentation.return_url}, on the LMS's own web address, such as a
	 * school's Canvas domain).
	 */
	public List<String> lmsAddresses() {
		List<String> addresses = new ArrayList<>(List.of(this.platform.issuer(), this.platform.authorizationUrl()));
		object(CLAIMS + "launch_presentation").map((presentation) -> presentation.get("return_url"))
			.filter(String.class::isInstance)
			.map(String.class::cast)
			.ifPresent(addresses::add);
		return addresses;
	}

	/** The deep linking settings of a deep linking request. */
	public Optional<Map<String, Object>> deepLinkingSettings() {
		return object("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings");
	}

	@SuppressWarnings("unchecked")
	private Optional<Map<String, Object>> object(String claim) {
		return (this.claims.get(claim) instanceof Map<?, ?> map) ? Optional.of((Map<String, Object>) map)
				: Optional.empty();
	}

}
