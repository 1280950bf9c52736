package org.guestpass.guestaccess.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.guestpass.guestaccess.GuestAccess;
import org.guestpass.guestaccess.GuestAccessView;
import org.guestpass.guestaccess.GuestLink;
import org.guestpass.guestaccess.ManagementRefusal;
import org.guestpass.guestaccess.NewGuestLink;
import org.guestpass.media.Viewer;
import org.guestpass.system.Outcome;
import org.guestpass.system.Problems;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Guest access of one item in the JSON API: the switch and the links.
 */
@RestController
@RequestMapping("/api/v1/media/{mediaId}")
class GuestAccessApiController {

	private final GuestAccess guestAccess;

	private final GuestLinkUrls urls;

	GuestAccessApiController(GuestAccess guestAccess, GuestLinkUrls urls) {
		this.guestAccess = guestAccess;
		this.urls = urls;
	}

	@GetMapping("/guest-access")
	ResponseEntity<?> show(@PathVariable long mediaId, Viewer viewer) {
		return respond(this.guestAccess.view(mediaId, viewer), this::body);
	}

	@PutMapping("/guest-access")
	ResponseEntity<?> change(@PathVariable long mediaId, @Valid @RequestBody SwitchRequest request, Viewer viewer) {
		return respond(this.guestAccess.setEnabled(mediaId, request.enabled(), viewer), this::body);
	}

	@PostMapping("/guest-links")
	ResponseEntity<?> create(@PathVariable long mediaId, @Valid @RequestBody NewLinkRequest request, Viewer viewer) {
		List<Problems.FieldError> invalid = new ArrayList<>();
		if (!NewGuestLink.isValidName(request.name())) {
			invalid.add(new Problems.FieldError("name", ManagementRefusal.LINK_NAME_INVALID.message()));
		}
		NewGuestLink.CLICKS.check(request.maxClicks(), "maxClicks", invalid);
		if (request.durationDays() != null && request.durationDays() < 1) {
			// Too few days is a bad field, like bad clicks; too many is the service's to
			// refuse (duration_too_long), by the same rule.
			invalid.add(new Problems.FieldError("durationDays", this.guestAccess.durationRule().message()));
		}
		if (!invalid.isEmpty()) {
			return Problems.invalid(invalid);
		}
		NewGuestLink link = new NewGuestLink(request.name(), request.maxClicks(), request.durationDays());
		Outcome<GuestLink> outcome = this.guestAccess.createLink(mediaId, link, viewer);
		if (outcome.isRefused()) {
			return Problems.refused(outcome.refusal());
		}
		GuestLinkResponse created = GuestLinkResponse.of(outcome.value(), this.urls);
		return ResponseEntity.created(URI.create("/api/v1/media/" + mediaId + "/guest-links/" + created.id()))
			.body(created);
	}

	@DeleteMapping("/guest-links/{linkId}")
	ResponseEntity<?> delete(@PathVariable long mediaId, @PathVariable long linkId, Viewer viewer) {
		return respond(this.guestAccess.deleteLink(mediaId, linkId, viewer),
				(deleted) -> ResponseEntity.noContent().build());
	}

	private GuestAccessResponse body(GuestAccessView view) {
		return new GuestAccessResponse(view.enabled(), view.maxLinks(), view.maxDurationDays(),
				view.links().stream().map((link) -> GuestLinkResponse.of(link, this.urls)).toList());
	}

	private static <T> ResponseEntity<?> respond(Outcome<T> outcome, Function<T, ?> body) {
		if (outcome.isRefused()) {
			return Problems.refused(outcome.refusal());
		}
		Object value = body.apply(outcome.value());
		return (value instanceof ResponseEntity<?> entity) ? entity : ResponseEntity.ok(value);
	}

	record GuestAccessResponse(boolean enabled, int maxLinks, int maxDurationDays, List<GuestLinkResponse> links) {
	}

	record SwitchRequest(@NotNull Boolean enabled) {
	}

	/**
	 * The name is checked by {@link TextRules#LINK_NAME} after normalising, the clicks by
	 * {@link NewGuestLink#CLICKS} and the days by the site's duration rule, each in its
	 * rule's words.
	 */
	record NewLinkRequest(String name, Integer maxClicks, Integer durationDays) {
	}

}
