package org.guestpass.lti;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The OIDC authentication request GuestPass answers a login with: the platform's
 * authorization URL with the parameters LTI 1.3 asks for, which the browser is sent to.
 *
 * @param platform the platform asked
 * @param state the single-use state (its hash is kept, not the state)
 * @param nonce the nonce the launch must carry
 * @param redirectUri where the platform posts the launch
 * @param login the login it answers
 */
public record AuthenticationRequest(Platform platform, String state, String nonce, String redirectUri,
		LoginRequest login) {

	/**
	 * The address the browser is sent to; every value is encoded strictly (a {@code +} in
	 * a login hint stays a {@code +}).
	 */
	public URI uri() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("scope", "openid");
		values.put("response_type", "id_token");
		values.put("response_mode", "form_post");
		values.put("prompt", "none");
		values.put("client_id", this.platform.clientId());
		values.put("redirect_uri", this.redirectUri);
		values.put("login_hint", this.login.loginHint());
		values.put("state", this.state);
		values.put("nonce", this.nonce);
		if (this.login.messageHint() != null && !this.login.messageHint().isBlank()) {
			values.put("lti_message_hint", this.login.messageHint());
		}
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(this.platform.authorizationUrl());
		values.keySet().forEach((name) -> uri.queryParam(name, "{" + name + "}"));
		return uri.encode().buildAndExpand(values).toUri();
	}

}
