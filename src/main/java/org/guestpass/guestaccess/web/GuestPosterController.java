package org.guestpass.guestaccess.web;

import jakarta.servlet.http.HttpServletRequest;
import org.guestpass.guestaccess.Admissions;
import org.guestpass.media.Posters;
import org.guestpass.media.web.MediaContent;
import org.guestpass.system.Outcome;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The poster an admitted guest's player shows, checked like the rest of the guest's
 * content: the guest session must be for this item, and the link and the item must still
 * let guests in.
 */
@Controller
class GuestPosterController {

	private final Admissions admissions;

	private final Posters posters;

	GuestPosterController(Admissions admissions, Posters posters) {
		this.admissions = admissions;
		this.posters = posters;
	}

	@GetMapping("/guest/media/{mediaId:\\d+}/poster")
	ResponseEntity<?> poster(@PathVariable long mediaId, HttpServletRequest request) {
		Outcome<Admissions.GuestView> view = this.admissions.check(GuestCookie.read(request), mediaId);
		if (view.isRefused()) {
			return ResponseEntity.status(view.refusal().status()).build();
		}
		return this.posters.findForAdmittedGuest(mediaId)
			.<ResponseEntity<?>>map((poster) -> MediaContent.poster(poster, this.posters.file(poster)))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
