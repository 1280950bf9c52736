package org.guestpass.lti;

import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * What a platform says of itself in its OpenID configuration, as Dynamic Registration
 * reads it.
 *
 * @param configurationUrl where it was fetched
 * @param issuer the platform's issuer
 * @param authorizationUrl its OIDC authorization endpoint
 * @param tokenUrl its token endpoint
 * @param jwksUrl its public keys
 * @param registrationUrl where the tool posts its registration
 * @param product the LMS ({@code product_family_code}, such as {@code canvas} or
 * {@code moodle}), if it says
 * @param accountName the school's name in the LMS, if it says (Canvas does)
 * @param variables the substitution variables it supports
 */
public record PlatformConfiguration(String configurationUrl, String issuer, String authorizationUrl, String tokenUrl,
		String jwksUrl, String registrationUrl, String product, String accountName,
		List<String> variables) implements Serializable {

	public PlatformConfiguration {
		variables = List.copyOf(variables);
	}

	/** A name for the registration, such as "Canvas (school.instructure.com)". */
	public String suggestedName() {
		String lms = (this.product != null && !this.product.isBlank())
				? this.product.substring(0, 1).toUpperCase(Locale.ROOT) + this.product.substring(1) : "LMS";
		String where = (this.accountName != null && !this.accountName.isBlank()) ? this.accountName
				: URI.create(this.configurationUrl).getHost();
		return lms + " (" + where + ")";
	}

	/** Whether the platform substitutes Canvas's course and term end dates. */
	boolean hasCanvasEndDates() {
		return this.variables.contains("Canvas.course.endAt") || this.variables.contains("Canvas.term.endAt");
	}

}
