package org.guestpass.media.web;

import org.guestpass.media.Captions;
import org.guestpass.media.MediaLibrary;
import org.guestpass.media.MediaRefusal;
import org.guestpass.system.TextLength.Rule;

/**
 * The length rules the media forms check before sending, taken from the library with its
 * own messages, so that a page never states a number of its own.
 *
 * @param language the longest language tag, which is ASCII only and so fits
 * {@code maxlength}
 */
record FormLimits(Rule title, Rule description, Rule url, Rule label, int language) {

	static final FormLimits MEDIA = new FormLimits(
			new Rule(MediaLibrary.MAX_TITLE, MediaRefusal.TITLE_INVALID.message()),
			new Rule(MediaLibrary.MAX_DESCRIPTION, MediaRefusal.DESCRIPTION_TOO_LONG.message()),
			new Rule(MediaLibrary.MAX_URL, MediaRefusal.URL_TOO_LONG.message()),
			new Rule(Captions.MAX_LABEL, MediaRefusal.LABEL_INVALID.message()), Captions.MAX_LANGUAGE);

}
