package org.guestpass.guestaccess.web;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guestpass.guestaccess.Admissions;
import org.guestpass.guestaccess.EntryRefusal;
import org.guestpass.media.Captions;
import org.guestpass.media.LiveWindow;
import org.guestpass.media.MediaItem;
import org.guestpass.media.MediaLibrary;
import org.guestpass.media.MediaType;
import org.guestpass.media.Posters;
import org.guestpass.media.RoomJoinLinks;
import org.guestpass.media.web.MediaContent;
import org.guestpass.system.Outcome;
import org.guestpass.system.SiteTime;
import org.guestpass.system.StreamSources;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * An admitted guest's page and the content its player streams. Every load checks the
 * guest session, the link and the item again; the page offers no way anywhere else.
 */
@Controller
class GuestMediaController {

	private final Admissions admissions;

	private final Captions captions;

	private final StreamSources streams;

	private final SiteTime time;

	private final Clock clock;

	private final Posters posters;

	private final MediaLibrary library;

	GuestMediaController(Admissions admissions, Captions captions, StreamSources streams, SiteTime time, Clock clock,
			Posters posters, MediaLibrary library) {
		this.admissions = admissions;
		this.library = library;
		this.posters = posters;
		this.captions = captions;
		this.streams = streams;
		this.time = time;
		this.clock = clock;
	}

	@GetMapping("/guest/media/{mediaId:\\d+}")
	ModelAndView show(@PathVariable long mediaId, HttpServletRequest request, HttpServletResponse response) {
		Outcome<Admissions.GuestView> outcome = this.admissions.checkPage(GuestCookie.read(request), mediaId);
		if (outcome.isRefused()) {
			return GuestPages.message((EntryRefusal) outcome.refusal(), response);
		}
		Admissions.GuestView view = outcome.value();
		GuestPages.protect(response);
		ModelAndView page = new ModelAndView("guest/media");
		page.addObject("item", view.item());
		page.addObject("guestName", view.guestName());
		page.addObject("captions", this.captions.ofAdmittedGuest(mediaId));
		page.addObject("hasPoster", view.item().hasFile() && this.posters.findForAdmittedGuest(mediaId).isPresent());
		MediaItem item = view.item();
		if (item.type() == MediaType.live_session) {
			LiveWindow window = item.window();
			LiveWindow.State state = window.stateAt(this.clock.instant());
			page.addObject("live", state.name());
			if (window.startsAt() != null) {
				page.addObject("startsAt", window.startsAt());
				page.addObject("startsAtText", this.time.readable(window.startsAt()));
			}
			if (window.endsAt() != null) {
				page.addObject("endsAt", window.endsAt());
				page.addObject("endsAtText", this.time.readable(window.endsAt()));
			}
			if (state == LiveWindow.State.ON_AIR) {
				this.streams.allow(request, response, item.sourceUrl());
				// The page swapped in place keeps the policy it was loaded with: htmx
				// loads this one whole.
				if (request.getHeader("HX-Request") != null) {
					response.setHeader("HX-Refresh", "true");
				}
			}
		}
		else if (item.sourceUrl() != null) {
			page.addObject("joinUrl", RoomJoinLinks.forGuest(item.sourceUrl(), view.guestName()));
		}
		return page;
	}

	@GetMapping("/guest/media/{mediaId:\\d+}/captions/{language}")
	ResponseEntity<?> captions(@PathVariable long mediaId, @PathVariable String language, HttpServletRequest request) {
		Outcome<Admissions.GuestView> view = this.admissions.check(GuestCookie.read(request), mediaId);
		if (view.isRefused()) {
			return ResponseEntity.status(view.refusal().status()).build();
		}
		return this.captions.contentForAdmittedGuest(mediaId, language)
			.<ResponseEntity<?>>map(MediaContent::captions)
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/guest/media/{mediaId:\\d+}/content")
	ResponseEntity<?> content(@PathVariable long mediaId, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Outcome<Admissions.GuestView> view = this.admissions.check(GuestCookie.read(request), mediaId);
		if (view.isRefused()) {
			return ResponseEntity.status(view.refusal().status()).build();
		}
		MediaItem item = view.value().item();
		if (!item.hasFile()) {
			return ResponseEntity.notFound().build();
		}
		return MediaContent.serve(item, this.library.file(item), request, response);
	}

}
