package org.guestpass.lti;

import java.util.List;
import java.util.Set;

/**
 * What a launch's LTI roles allow in GuestPass: instructors, content developers and
 * course administrators (their context roles, as full URIs or in the deprecated short
 * form) manage their own items and guest links, and teaching assistants too when the site
 * lets them ({@code LmsSettings}); everyone else, learners first, watches only what a
 * teacher placed in their course.
 */
public final class LtiRoles {

	private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

	private static final Set<String> TEACHING = Set.of("Instructor", "ContentDeveloper", "Administrator");

	/** A teaching assistant: the Instructor role's sub-role. */
	private static final Set<String> TEACHING_ASSISTANT = Set.of(
			"http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
			"Instructor#TeachingAssistant");

	private LtiRoles() {
	}

	/**
	 * Whether someone with these roles may upload and manage guest links of their items:
	 * instructors, content developers and course administrators, and teaching assistants
	 * when the site lets them.
	 */
	public static boolean teaches(List<String> roles, boolean teachingAssistantsManage) {
		return roles.stream()
			.anyMatch((role) -> isTeaching(role) || (teachingAssistantsManage && TEACHING_ASSISTANT.contains(role)));
	}

	private static boolean isTeaching(String role) {
		if (role.startsWith(MEMBERSHIP)) {
			return TEACHING.contains(role.substring(MEMBERSHIP.length()));
		}
		return TEACHING.contains(role);
	}

}
