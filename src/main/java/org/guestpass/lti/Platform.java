package org.guestpass.lti;

import java.time.Instant;
import java.util.List;

/**
 * An LMS platform registered with GuestPass: who it is (its issuer), who GuestPass is to
 * it (the client id it gave), which of its deployments may launch GuestPass, and where
 * its login, token and key endpoints are.
 *
 * @param id the registration's id
 * @param name what admins call it, such as "Canvas (school.instructure.com)"
 * @param issuer the platform's issuer ({@code iss} of its id_tokens)
 * @param clientId the client id the platform gave GuestPass ({@code aud} of its
 * id_tokens)
 * @param deploymentIds the deployments that may launch GuestPass
 * @param authorizationUrl the platform's OIDC authorization endpoint
 * @param tokenUrl the platform's OAuth 2 token endpoint
 * @param jwksUrl the platform's public keys (JWKS)
 * @param createdAt when it was registered
 */
public record Platform(long id, String name, String issuer, String clientId, List<String> deploymentIds,
		String authorizationUrl, String tokenUrl, String jwksUrl, Instant createdAt) {

	public Platform {
		deploymentIds = List.copyOf(deploymentIds);
	}

	/** Whether a launch from this deployment is allowed. */
	public boolean allowsDeployment(String deploymentId) {
		return deploymentId != null && this.deploymentIds.contains(deploymentId);
	}

}
