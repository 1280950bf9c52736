package org.guestpass.lti;

/**
 * One item a teacher chose to place in the course: an LTI resource link to a launch URL
 * of GuestPass, shown in a frame of the given size.
 *
 * @param title what the LMS shows for it
 * @param url the GuestPass launch URL it opens
 * @param width the frame's width in pixels
 * @param height the frame's height in pixels
 */
public record DeepLink(String title, String url, int width, int height) {

	public DeepLink {
		if (title == null || title.isBlank() || url == null || url.isBlank() || width <= 0 || height <= 0) {
			throw new IllegalArgumentException("A deep link needs a title, a URL and a positive frame size");
		}
	}

}
