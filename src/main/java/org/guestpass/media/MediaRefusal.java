package org.guestpass.media;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.guestpass.system.Refusal;

import org.springframework.http.HttpStatus;

/**
 * Why media, its captions, its poster or its schedule were refused, with the field to
 * show the message next to; an item the viewer may not see is
 * {@link org.guestpass.system.CommonRefusal#NOT_FOUND}.
 */
public enum MediaRefusal implements Refusal {

	TITLE_INVALID(HttpStatus.BAD_REQUEST, "title", MediaLibrary.TITLE.message()),
	DESCRIPTION_TOO_LONG(HttpStatus.BAD_REQUEST, "description", MediaLibrary.DESCRIPTION.message()),
	DESCRIPTION_INVALID(HttpStatus.BAD_REQUEST, "description",
			"The description holds a broken character. Enter it again."),
	NOT_A_VIDEO(HttpStatus.BAD_REQUEST, "file", "Upload an MP4, WebM or Ogg video."),
	URL_INVALID(HttpStatus.BAD_REQUEST, "url", "Enter a web address that starts with https:// or http://."),
	URL_TOO_LONG(HttpStatus.BAD_REQUEST, "url", MediaLibrary.URL.message()),
	TYPE_NEEDS_FILE(HttpStatus.BAD_REQUEST, "type", "A video is added by uploading its file."),
	/** An upload of a type other than video: only a video has a file. */
	UPLOAD_NOT_A_VIDEO(HttpStatus.BAD_REQUEST, "type", "Only videos are uploaded; add other types as JSON with a url."),
	LANGUAGE_INVALID(HttpStatus.BAD_REQUEST, "language", "Enter a language tag such as en, fr or pt-BR."),
	LABEL_INVALID(HttpStatus.BAD_REQUEST, "label", Captions.LABEL.message()),
	NOT_WEBVTT(HttpStatus.BAD_REQUEST, "file", "Upload a WebVTT caption file (.vtt) in UTF-8, at most 1 MB."),
	WINDOW_INVALID(HttpStatus.BAD_REQUEST, "endsAt", "The end must come after the start."),
	WINDOW_NOT_FOR_TYPE(HttpStatus.BAD_REQUEST, "startsAt", "Only a live session has a start and end time."),
	START_OUT_OF_RANGE(HttpStatus.BAD_REQUEST, "startsAt", Words.TIME_OUT_OF_RANGE),
	END_OUT_OF_RANGE(HttpStatus.BAD_REQUEST, "endsAt", Words.TIME_OUT_OF_RANGE),
	START_UNREADABLE(HttpStatus.BAD_REQUEST, "startsAt", Words.TIME_UNREADABLE),
	END_UNREADABLE(HttpStatus.BAD_REQUEST, "endsAt", Words.TIME_UNREADABLE),
	NOT_A_LIVE_SESSION(HttpStatus.CONFLICT, "", "This item is not a live session."),
	NOT_AN_IMAGE(HttpStatus.BAD_REQUEST, "file", "Upload a PNG or JPEG image."),
	IMAGE_TOO_LARGE(HttpStatus.BAD_REQUEST, "file", "The image is larger than 5 MB. Upload a smaller PNG or JPEG."),
	IMAGE_DIMENSIONS_TOO_LARGE(HttpStatus.BAD_REQUEST, "file",
			"The image is larger than 8000 × 8000 pixels. Upload a smaller one."),
	IMAGE_TOO_MANY_PIXELS(HttpStatus.BAD_REQUEST, "file",
			"The image has more than 40 million pixels (8000 × 5000). Upload a smaller one."),
	IMAGE_TOO_COMPLEX(HttpStatus.BAD_REQUEST, "file",
			"This image would take too much memory or time to read. Upload a smaller one, or save it as a standard (not progressive) JPEG or as a PNG."),
	/**
	 * Retryable, after {@link Posters#RETRY_AFTER}: the node is decoding as many images
	 * as it may at once.
	 */
	IMAGES_BUSY(HttpStatus.SERVICE_UNAVAILABLE, "",
			"GuestPass is busy reading other images. Try again in a few seconds."),
	NO_POSTER(HttpStatus.NOT_FOUND, "", "This video has no poster.");

	private final HttpStatus status;

	private final String field;

	private final String message;

	MediaRefusal(HttpStatus status, String field, String message) {
		this.status = status;
		this.field = field;
		this.message = message;
	}

	@Override
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public Optional<String> field() {
		return this.field.isEmpty() ? Optional.empty() : Optional.of(this.field);
	}

	@Override
	public String message() {
		return this.message;
	}

	@Override
	public Optional<Duration> retryAfter() {
		return (this == IMAGES_BUSY) ? Optional.of(Posters.RETRY_AFTER) : Optional.empty();
	}

	/** The words that a start and an end are refused in alike, written once. */
	private static final class Words {

		static final String TIME_OUT_OF_RANGE = "Enter a time between the years 1970 and 9999.";

		static final String TIME_UNREADABLE = "Enter times as a date and a time, such as 2026-05-04 14:30.";

	}

}
