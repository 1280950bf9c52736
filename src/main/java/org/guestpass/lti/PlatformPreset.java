package org.guestpass.lti;

/**
 * The endpoints of hosted platforms, which are the same for every school on them: an
 * admin picks one and types only the client id and deployment id the platform gave.
 * Self-hosted platforms (Moodle, Brightspace, a Canvas of one's own) have their own host
 * in each URL; the registrations page shows what to type for them.
 */
public enum PlatformPreset {

	CANVAS("Canvas", "https://canvas.instructure.com", "https://sso.canvaslms.com"),

	CANVAS_BETA("Canvas (beta)", "https://canvas.beta.instructure.com", "https://sso.beta.canvaslms.com"),

	CANVAS_TEST("Canvas (test)", "https://canvas.test.instructure.com", "https://sso.test.canvaslms.com");

	private final String label;

	private final String issuer;

	private final String sso;

	PlatformPreset(String label, String issuer, String sso) {
		this.label = label;
		this.issuer = issuer;
		this.sso = sso;
	}

	/** What the preset is called on the page. */
	public String label() {
		return this.label;
	}

	public String issuer() {
		return this.issuer;
	}

	public String authorizationUrl() {
		return this.sso + "/api/lti/authorize_redirect";
	}

	public String tokenUrl() {
		return this.sso + "/login/oauth2/token";
	}

	public String jwksUrl() {
		return this.sso + "/api/lti/security/jwks";
	}

}
