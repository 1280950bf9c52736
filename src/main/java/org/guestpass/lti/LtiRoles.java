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

	private static final String INSTRUCTOR_SUB_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#";

	private static final Set<String> NOT_TEACHING_SUB_ROLES = Set.of("TeachingAssistant", "Grader");

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
		if (role.startsWith(INSTRUCTOR_SUB_ROLE) || role.startsWith("Instructor#")) {
			// An instructor's sub-role (PrimaryInstructor, Lecturer, …) is an instructor,
			// whether or not the platform also sends the parent role; but a teaching
			// assistant or a grader is not, unless the site lets assistants manage.
			String subRole = role.substring(role.indexOf('#') + 1);
			return !NOT_TEACHING_SUB_ROLES.contains(subRole);
		}
		return TEACHING.contains(role);
	}

}
