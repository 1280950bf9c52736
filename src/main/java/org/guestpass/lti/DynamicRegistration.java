package org.guestpass.lti;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.guestpass.audit.Actor;
import org.guestpass.system.GuestPassProperties;
import org.guestpass.system.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * LTI Dynamic Registration 1.0, the one-step install Canvas and Moodle offer: the
 * platform opens {@code /lti/register} with its OpenID configuration's address and a
 * registration token; GuestPass reads the configuration (its issuer must be on the
 * configuration's own host), posts its client registration to the platform's registration
 * endpoint with the token, and keeps the client id (and the deployment id, when the
 * platform gives one) as a registration.
 */
@Service
public class DynamicRegistration {

	private static final Logger log = LoggerFactory.getLogger(DynamicRegistration.class);

	private static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";

	private static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final Platforms platforms;

	private final RestClient http;

	private final boolean httpLoopback;

	DynamicRegistration(Platforms platforms, GuestPassProperties properties) {
		this.platforms = platforms;
		this.httpLoopback = properties.lti().allowHttpLoopback();
		// A platform's answers are its own: a redirect elsewhere is not followed.
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory() {
			@Override
			protected void prepareConnection(HttpURLConnection connection, String method) throws IOException {
				super.prepareConnection(connection, method);
				connection.setInstanceFollowRedirects(false);
			}
		};
		requests.setConnectTimeout(TIMEOUT);
		requests.setReadTimeout(TIMEOUT);
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	/** Reads and checks the platform's OpenID configuration. */
	public Outcome<PlatformConfiguration> configuration(String configurationUrl, String registrationToken) {
		if (configurationUrl == null || configurationUrl.isBlank()) {
			return Outcome.refused(RegistrationRefusal.INCOMPLETE);
		}
		if (!PlatformUrls.isValid(configurationUrl, this.httpLoopback)) {
			return Outcome.refused(RegistrationRefusal.CONFIGURATION_INVALID);
		}
		Map<String, Object> json;
		try {
			json = this.http.get()
				.uri(URI.create(configurationUrl))
				.accept(MediaType.APPLICATION_JSON)
				.headers((headers) -> bearer(headers, registrationToken))
				.retrieve()
				.body(JSON_OBJECT);
		}
		catch (RestClientException | IllegalArgumentException ex) {
			log.warn("Could not fetch an LMS's OpenID configuration at {}: {}", configurationUrl, ex.getMessage());
			return Outcome.refused(RegistrationRefusal.CONFIGURATION_UNREACHABLE);
		}
		if (json == null) {
			return Outcome.refused(RegistrationRefusal.CONFIGURATION_INVALID);
		}
		Map<String, Object> lti = object(json.get(PLATFORM_CONFIGURATION));
		PlatformConfiguration configuration = new PlatformConfiguration(configurationUrl, string(json, "issuer"),
				string(json, "authorization_endpoint"), string(json, "token_endpoint"), string(json, "jwks_uri"),
				string(json, "registration_endpoint"), string(lti, "product_family_code"),
				string(lti, "https://canvas.instructure.com/lti/account_name"), strings(lti.get("variables")));
		for (String url : List.of(nonNull(configuration.issuer()), nonNull(configuration.authorizationUrl()),
				nonNull(configuration.tokenUrl()), nonNull(configuration.jwksUrl()),
				nonNull(configuration.registrationUrl()))) {
			if (!PlatformUrls.isValid(url, this.httpLoopback)) {
				return Outcome.refused(RegistrationRefusal.CONFIGURATION_INVALID);
			}
		}
		if (!host(configuration.issuer()).equals(host(configurationUrl))) {
			return Outcome.refused(RegistrationRefusal.ISSUER_MISMATCH);
		}
		return Outcome.done(configuration);
	}

	/**
	 * Registers GuestPass with the platform whose configuration the admin confirmed, then
	 * keeps the registration under the name the admin chose. When the platform registered
	 * GuestPass but GuestPass cannot keep it (the client id is already registered, or
	 * breaks a rule), the refusal names the ids the platform gave, for the admin to add
	 * by hand.
	 */
	public Outcome<Platform> register(PlatformConfiguration platform, String registrationToken, String name,
			String baseUrl, Actor admin) {
		Optional<LtiRefusal> badName = Platforms.checkName(name);
		if (badName.isPresent()) {
			return Outcome.refused(badName.get());
		}
		Map<String, Object> answer;
		try {
			answer = this.http.post()
				.uri(URI.create(platform.registrationUrl()))
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.headers((headers) -> bearer(headers, registrationToken))
				.body(registration(platform, baseUrl))
				.retrieve()
				.body(JSON_OBJECT);
		}
		catch (RestClientException ex) {
			log.warn("The LMS {} refused GuestPass's registration: {}", platform.issuer(), ex.getMessage());
			return Outcome.refused(RegistrationRefusal.PLATFORM_REFUSED);
		}
		String clientId = (answer != null) ? identifier(answer.get("client_id")) : null;
		if (clientId == null || clientId.isBlank()) {
			return Outcome.refused(RegistrationRefusal.PLATFORM_REFUSED);
		}
		String deploymentId = identifier(object(answer.get(TOOL_CONFIGURATION)).get("deployment_id"));
		Outcome<Platform> kept = this.platforms.add(new PlatformDraft(name, platform.issuer(), clientId,
				(deploymentId != null) ? List.of(deploymentId) : List.of(), platform.authorizationUrl(),
				platform.tokenUrl(), platform.jwksUrl()), admin);
		if (kept.isRefused()) {
			return Outcome.refused(RegistrationRefusal.NOT_KEPT.worded("The LMS registered GuestPass with client ID "
					+ clientId + ((deploymentId != null) ? " and deployment ID " + deploymentId : "")
					+ ", but GuestPass could not keep it: " + kept.refusal().message()
					+ " Add or correct it under LMS platforms with these IDs."));
		}
		return kept;
	}

	/**
	 * GuestPass's client registration: an LTI tool that logs in at {@code /lti/login}, is
	 * launched at {@code /lti/launch}, publishes its keys at {@code /lti/jwks}, asks for
	 * its users' names and emails, and offers a course navigation link and deep linking
	 * from the editor and the module link picker.
	 */
	static Map<String, Object> registration(PlatformConfiguration platform, String baseUrl) {
		String launch = baseUrl + "/lti/launch";
		Map<String, Object> tool = new LinkedHashMap<>();
		tool.put("domain", URI.create(baseUrl).getHost());
		tool.put("target_link_uri", launch);
		if (platform.hasCanvasEndDates()) {
			tool.put("custom_parameters",
					Map.of("course_end_at", "$Canvas.course.endAt", "term_end_at", "$Canvas.term.endAt"));
		}
		tool.put("description", CanvasConfiguration.DESCRIPTION);
		tool.put("claims", List.of("iss", "sub", "name", "given_name", "family_name", "email"));
		tool.put("messages",
				List.of(Map.of("type", Launch.RESOURCE_LINK, "target_link_uri", launch, "label", "GuestPass",
						"placements", List.of("course_navigation")),
						Map.of("type", Launch.DEEP_LINKING, "target_link_uri", launch, "label", "GuestPass",
								"placements", List.of("editor_button", "link_selection"))));
		tool.put("https://canvas.instructure.com/lti/privacy_level", "public");
		Map<String, Object> registration = new LinkedHashMap<>();
		registration.put("application_type", "web");
		registration.put("response_types", List.of("id_token"));
		registration.put("grant_types", List.of("implicit", "client_credentials"));
		registration.put("initiate_login_uri", baseUrl + "/lti/login");
		registration.put("redirect_uris", List.of(launch));
		registration.put("client_name", "GuestPass");
		registration.put("client_uri", baseUrl);
		registration.put("jwks_uri", baseUrl + "/lti/jwks");
		registration.put("token_endpoint_auth_method", "private_key_jwt");
		registration.put(TOOL_CONFIGURATION, tool);
		return registration;
	}

	private static void bearer(HttpHeaders headers, String token) {
		if (token != null && !token.isBlank()) {
			headers.setBearerAuth(token.strip());
		}
	}

	private static String host(String url) {
		String host = URI.create(url).getHost();
		return (host != null) ? host.toLowerCase(Locale.ROOT) : "";
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	private static String string(Map<String, Object> json, String name) {
		return (json.get(name) instanceof String text) ? text : null;
	}

	/** An id a platform answers with, as text or as a number. */
	private static String identifier(Object value) {
		if (value instanceof Number number) {
			return String.valueOf(number);
		}
		return (value instanceof String text && !text.isBlank()) ? text.strip() : null;
	}

	private static List<String> strings(Object value) {
		if (!(value instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
	}

}
