package org.guestpass.lti;

import java.util.List;
import java.util.Set;

/**
 * What a launch's LTI roles allow in GuestPass: instructors, content developers and
 * course administrators (their context roles, as full URIs or in the deprecated short
 * form) manage their own items and guest links; everyone else, learners first, watches
 * only what a teacher placed in their course.
 */
public final class LtiRoles {

	private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

	private static final Set<String> TEACHING = Set.of("Instructor", "ContentDeveloper", "Administrator");

	private LtiRoles() {
	}

	/**
	 * Whether someone with these roles may upload and manage guest links of their items.
	 */
	public static boolean teaches(List<String> roles) {
		return roles.stream().anyMatch(LtiRoles::isTeaching);
	}

	private static boolean isTeaching(String role) {
		if (role.startsWith(MEMBERSHIP)) {
			return TEACHING.contains(role.substring(MEMBERSHIP.length()));
		}
		return TEACHING.contains(role);
	}

}
