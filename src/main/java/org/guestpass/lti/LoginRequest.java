package org.guestpass.lti;

/**
 * A platform's third-party-initiated login, as LTI 1.3 sends it to {@code /lti/login}.
 *
 * @param issuer {@code iss}
 * @param loginHint {@code login_hint}, passed back to the platform as it came
 * @param targetLinkUri {@code target_link_uri}: where the launch is to go, in GuestPass
 * @param messageHint {@code lti_message_hint}, passed back as it came, if sent
 * @param clientId {@code client_id}, if sent (it tells registrations of one issuer apart)
 * @param deploymentId {@code lti_deployment_id} (or Canvas's {@code deployment_id}), if
 * sent
 */
public record LoginRequest(String issuer, String loginHint, String targetLinkUri, String messageHint, String clientId,
		String deploymentId) {

	boolean isComplete() {
		return isGiven(this.issuer) && isGiven(this.loginHint) && isGiven(this.targetLinkUri);
	}

	private static boolean isGiven(String value) {
		return value != null && !value.isBlank();
	}

}
