package org.guestpass.lti;

import java.util.List;

/**
 * A platform's registration as an admin typed it, or as dynamic registration received it:
 * checked by {@link Platforms} before it is kept.
 *
 * @param name what admins call the platform
 * @param issuer the platform's issuer
 * @param clientId the client id the platform gave GuestPass
 * @param deploymentIds the deployments that may launch GuestPass (none yet is allowed)
 * @param authorizationUrl the platform's OIDC authorization endpoint
 * @param tokenUrl the platform's OAuth 2 token endpoint
 * @param jwksUrl the platform's public keys
 */
public record PlatformDraft(String name, String issuer, String clientId, List<String> deploymentIds,
		String authorizationUrl, String tokenUrl, String jwksUrl) {

	public PlatformDraft {
		deploymentIds = (deploymentIds != null) ? deploymentIds.stream().map(PlatformDraft::strip).toList() : List.of();
		name = strip(name);
		issuer = strip(issuer);
		clientId = strip(clientId);
		authorizationUrl = strip(authorizationUrl);
		tokenUrl = strip(tokenUrl);
		jwksUrl = strip(jwksUrl);
	}

	/** A preset's endpoints, with the name, client id and deployments still to type. */
	public static PlatformDraft of(PlatformPreset preset, String name, String clientId, List<String> deploymentIds) {
		return new PlatformDraft(name, preset.issuer(), clientId, deploymentIds, preset.authorizationUrl(),
				preset.tokenUrl(), preset.jwksUrl());
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : null;
	}

}
