package org.guestpass.media;

/**
 * Why media, its captions, its poster or its schedule were refused, with the field to
 * show the message next to.
 */
public enum MediaRefusal {

	NOT_FOUND("", "No such video, or it is not yours."),
	TITLE_INVALID("title", "Enter a title of 1 to " + MediaLibrary.MAX_TITLE + " characters."),
	DESCRIPTION_TOO_LONG("description", "Keep the description to " + MediaLibrary.MAX_DESCRIPTION + " characters."),
	DESCRIPTION_INVALID("description", "The description holds a broken character. Enter it again."),
	NOT_A_VIDEO("file", "Upload an MP4, WebM or Ogg video."),
	URL_INVALID("url", "Enter a web address that starts with https:// or http://."),
	URL_TOO_LONG("url", "Keep the web address to " + MediaLibrary.MAX_URL + " characters."),
	TYPE_NEEDS_FILE("type", "A video is added by uploading its file."),
	LANGUAGE_INVALID("language", "Enter a language tag such as en, fr or pt-BR."),
	LABEL_INVALID("label", "Enter a label of 1 to " + Captions.MAX_LABEL + " characters, such as English."),
	NOT_WEBVTT("file", "Upload a WebVTT caption file (.vtt) in UTF-8, at most 1 MB."),
	WINDOW_INVALID("endsAt", "The end must come after the start."),
	WINDOW_NOT_FOR_TYPE("startsAt", "Only a live session has a start and end time."),
	START_OUT_OF_RANGE("startsAt", "Enter a time between the years 1970 and 9999."),
	END_OUT_OF_RANGE("endsAt", "Enter a time between the years 1970 and 9999."),
	START_UNREADABLE("startsAt", "Enter times as a date and a time, such as 2026-05-04 14:30."),
	END_UNREADABLE("endsAt", "Enter times as a date and a time, such as 2026-05-04 14:30."),
	NOT_A_LIVE_SESSION("", "This item is not a live session."), NOT_AN_IMAGE("file", "Upload a PNG or JPEG image."),
	IMAGE_TOO_LARGE("file", "The image is larger than 5 MB. Upload a smaller PNG or JPEG."),
	IMAGE_DIMENSIONS_TOO_LARGE("file", "The image is larger than 8000 × 8000 pixels. Upload a smaller one."),
	IMAGE_TOO_MANY_PIXELS("file", "The image has more than 40 million pixels (8000 × 5000). Upload a smaller one."),
	IMAGE_TOO_COMPLEX("file",
			"This image would take too much memory or time to read. Upload a smaller one, or save it as a standard (not progressive) JPEG or as a PNG."),
	/**
	 * Retryable: the node is decoding as many images as it may at once; see
	 * {@link Posters#RETRY_AFTER}.
	 */
	IMAGES_BUSY("", "GuestPass is busy reading other images. Try again in a few seconds."),
	NO_POSTER("", "This video has no poster.");

	private final String field;

	private final String message;

	MediaRefusal(String field, String message) {
		this.field = field;
		this.message = message;
	}

	public String field() {
		return this.field;
	}

	public String message() {
		return this.message;
	}

}
