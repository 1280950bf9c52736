package org.guestpass.settings;

/**
 * How GuestPass treats people who come from an LMS.
 *
 * @param teachingAssistantsManage whether teaching assistants manage their own items and
 * guest links, as instructors do; otherwise they watch only, as learners do
 * @param courseEndCeiling whether a guest link made from a course that has an end must
 * end with the course at the latest; otherwise the end is only proposed
 */
public record LmsSettings(boolean teachingAssistantsManage, boolean courseEndCeiling) {

	/** The default: teaching assistants watch only, and a course's end is proposed. */
	public static final LmsSettings DEFAULT = new LmsSettings(false, false);

}
