package org.guestpass.media.web;

import org.guestpass.media.Captions;
import org.guestpass.media.MediaLibrary;
import org.guestpass.system.TextRule;

/**
 * The length rules the media forms check before sending, the library's own with their
 * words, so that a page never states a number of its own.
 *
 * @param language the longest language tag, which is ASCII only and so fits
 * {@code maxlength}
 */
record FormLimits(TextRule title, TextRule description, TextRule url, TextRule label, int language) {

	static final FormLimits MEDIA = new FormLimits(MediaLibrary.TITLE, MediaLibrary.DESCRIPTION, MediaLibrary.URL,
			Captions.LABEL, Captions.MAX_LANGUAGE);

}
