package org.guestpass.lti;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LtiRolesTests {

	private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

	private static final String TEACHING_ASSISTANT = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";

	@Test
	void instructorsContentDevelopersAndCourseAdministratorsTeach() {
		for (String role : List.of("Instructor", "ContentDeveloper", "Administrator")) {
			assertThat(LtiRoles.teaches(List.of(MEMBERSHIP + role), false)).as(role).isTrue();
			assertThat(LtiRoles.teaches(List.of(role), false)).as("short " + role).isTrue();
		}
	}

	@Test
	void learnersMentorsAndInstitutionRolesAloneDoNot() {
		assertThat(LtiRoles.teaches(List.of(MEMBERSHIP + "Learner"), true)).isFalse();
		assertThat(LtiRoles.teaches(List.of(MEMBERSHIP + "Mentor"), true)).isFalse();
		assertThat(
				LtiRoles.teaches(List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor"), true))
			.as("an instructor of the institution, not of this course")
			.isFalse();
		assertThat(LtiRoles.teaches(List.of(), true)).as("an anonymous launch").isFalse();
		assertThat(LtiRoles.teaches(List.of(MEMBERSHIP + "InstructorX"), true)).isFalse();
	}

	@Test
	void anInstructorsSubRoleTeachesWithOrWithoutTheParentRoleButAGraderDoesNot() {
		String subRoles = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#";
		for (String role : List.of("PrimaryInstructor", "Lecturer", "SecondaryInstructor", "ExternalInstructor")) {
			assertThat(LtiRoles.teaches(List.of(subRoles + role), false)).as(role).isTrue();
		}
		assertThat(LtiRoles.teaches(List.of(subRoles + "Grader"), true)).isFalse();
	}

	@Test
	void teachingAssistantsTeachOnlyWhenTheSiteLetsThem() {
		assertThat(LtiRoles.teaches(List.of(TEACHING_ASSISTANT), false)).isFalse();
		assertThat(LtiRoles.teaches(List.of(TEACHING_ASSISTANT), true)).isTrue();
		assertThat(LtiRoles.teaches(List.of(MEMBERSHIP + "Learner", TEACHING_ASSISTANT), true)).isTrue();
	}

}
