package org.guestpass.settings;

/**
 * How GuestPass treats people who come from an LMS.
 *
 * @param teachingAssistantsManage whether teaching assistants manage their own items and
 * guest links, as instructors do; otherwise they watch only, as learners do
 */
public record LmsSettings(boolean teachingAssistantsManage) {

	/** The default: teaching assistants watch only. */
	public static final LmsSettings DEFAULT = new LmsSettings(false);

}
