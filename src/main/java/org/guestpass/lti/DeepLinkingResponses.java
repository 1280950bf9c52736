package org.guestpass.lti;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.guestpass.system.GuestPassProperties;
import org.guestpass.system.Outcome;
import org.guestpass.system.Tokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The LTI Deep Linking 2.0 response: the JWT, signed with GuestPass's signing key, that
 * carries the items a teacher chose back to the platform's return URL.
 */
@Component
public class DeepLinkingResponses {

	static final String DL_CLAIMS = "https://purl.imsglobal.org/spec/lti-dl/claim/";

	static final String RESOURCE_LINK = "ltiResourceLink";

	static final Duration LIFETIME = Duration.ofMinutes(5);

	private final ToolKeys keys;

	private final Clock clock;

	private final boolean httpLoopback;

	@Autowired
	DeepLinkingResponses(ToolKeys keys, Clock clock, GuestPassProperties properties) {
		this(keys, clock, properties.lti().allowHttpLoopback());
	}

	DeepLinkingResponses(ToolKeys keys, Clock clock, boolean httpLoopback) {
		this.keys = keys;
		this.clock = clock;
		this.httpLoopback = httpLoopback;
	}

	/**
	 * The signed response to a deep linking request with the chosen items, or why there
	 * can be none: the launch is no deep linking request with a return URL, the return
	 * URL is not https, the platform accepts no LTI links here, it accepts one item and
	 * more were chosen, or none was.
	 */
	public Outcome<DeepLinkingResponse> respond(Launch launch, List<DeepLink> items) {
		Optional<Map<String, Object>> found = launch.deepLinkingSettings();
		if (!Launch.DEEP_LINKING.equals(launch.messageType()) || found.isEmpty()
				|| !(found.get().get("deep_link_return_url") instanceof String returnUrl) || returnUrl.isBlank()) {
			return Outcome.refused(DeepLinkingRefusal.DEEP_LINKING_NOT_REQUESTED);
		}
		Map<String, Object> settings = found.get();
		if (!PlatformUrls.isValid(returnUrl, this.httpLoopback)) {
			return Outcome.refused(DeepLinkingRefusal.DEEP_LINKING_RETURN_URL_INSECURE);
		}
		if (!(settings.get("accept_types") instanceof List<?> types) || !types.contains(RESOURCE_LINK)) {
			return Outcome.refused(DeepLinkingRefusal.DEEP_LINKING_LINKS_NOT_ACCEPTED);
		}
		if (items == null || items.isEmpty()) {
			return Outcome.refused(DeepLinkingRefusal.DEEP_LINKING_NOTHING_CHOSEN);
		}
		// accept_multiple is optional: absent, one item is all that is sure to be taken.
		if (items.size() > 1 && !Boolean.TRUE.equals(settings.get("accept_multiple"))) {
			return Outcome.refused(DeepLinkingRefusal.DEEP_LINKING_ONE_ITEM_ONLY);
		}
		return Outcome.done(new DeepLinkingResponse(sign(launch, settings, items), returnUrl));
	}

	private String sign(Launch launch, Map<String, Object> settings, List<DeepLink> items) {
		Instant now = this.clock.instant();
		List<Object> contentItems = new ArrayList<>();
		for (DeepLink item : items) {
			Map<String, Object> contentItem = new LinkedHashMap<>();
			contentItem.put("type", RESOURCE_LINK);
			contentItem.put("title", item.title());
			contentItem.put("url", item.url());
			contentItem.put("iframe", Map.of("width", item.width(), "height", item.height()));
			contentItems.add(contentItem);
		}
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(launch.platform().clientId())
			.audience(launch.platform().issuer())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(LIFETIME)))
			.claim("nonce", Tokens.generate())
			.claim(Launch.CLAIMS + "message_type", "LtiDeepLinkingResponse")
			.claim(Launch.CLAIMS + "version", "1.3.0")
			.claim(Launch.CLAIMS + "deployment_id", launch.deploymentId())
			.claim(DL_CLAIMS + "content_items", contentItems);
		if (settings.get("data") != null) {
			claims.claim(DL_CLAIMS + "data", settings.get("data"));
		}
		ToolKeys.ToolKey key = this.keys.signingKey();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build(),
				claims.build());
		try {
			jwt.sign(new RSASSASigner(key.jwk()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign with the LTI key " + key.kid(), ex);
		}
		return jwt.serialize();
	}

	/**
	 * What the browser posts to the platform: the signed JWT as the form's {@code JWT}
	 * field, to the return URL.
	 *
	 * @param jwt the signed response, compact serialized
	 * @param returnUrl the platform's {@code deep_link_return_url}
	 */
	public record DeepLinkingResponse(String jwt, String returnUrl) {

	}

}
