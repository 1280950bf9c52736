package org.guestpass.media.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.guestpass.media.Captions;
import org.guestpass.media.LiveWindow;
import org.guestpass.media.MediaItem;
import org.guestpass.media.MediaLibrary;
import org.guestpass.media.MediaListNotes;
import org.guestpass.media.MediaPageAction;
import org.guestpass.media.MediaRefusal;
import org.guestpass.media.MediaType;
import org.guestpass.media.Posters;
import org.guestpass.media.Viewer;
import org.guestpass.system.CommonRefusal;
import org.guestpass.system.HtmlRefusals;
import org.guestpass.system.Outcome;
import org.guestpass.system.Refusal;
import org.guestpass.system.SiteTime;
import org.guestpass.system.StreamSources;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The media library page and each item's media page.
 */
@Controller
class MediaController {

	private final MediaLibrary library;

	private final List<MediaPageAction> actions;

	private final List<MediaListNotes> notes;

	/** The fields of the schedule's fragment, which show their own errors. */
	private static final Set<String> SCHEDULE_FIELDS = Set.of("startsAt", "endsAt");

	private final Captions captions;

	private final SiteTime time;

	private final StreamSources streams;

	private final Posters posters;

	MediaController(MediaLibrary library, List<MediaPageAction> actions, List<MediaListNotes> notes, Captions captions,
			SiteTime time, StreamSources streams, Posters posters) {
		this.library = library;
		this.actions = actions;
		this.notes = notes;
		this.captions = captions;
		this.time = time;
		this.streams = streams;
		this.posters = posters;
	}

	/**
	 * The length rules that the library's and the item's forms check as the library does.
	 */
	@ModelAttribute("limits")
	FormLimits limits() {
		return FormLimits.MEDIA;
	}

	@GetMapping("/media")
	String library(Viewer viewer, Model model) {
		List<MediaItem> items = this.library.list(viewer);
		Map<Long, String> itemNotes = new HashMap<>();
		this.notes.forEach((source) -> itemNotes.putAll(source.notesFor(items)));
		model.addAttribute("items", items);
		model.addAttribute("notes", itemNotes);
		model.addAttribute("posters", this.posters.of(items, viewer));
		model.addAttribute("linkedTypes", List.of(MediaType.live_session, MediaType.room, MediaType.channel_room));
		return "media/library";
	}

	@PostMapping("/media/videos")
	String processVideoForm(@RequestParam("file") MultipartFile file, @RequestParam String title,
			@RequestParam(required = false) String description, Viewer viewer, Model model,
			HttpServletResponse response) throws IOException {
		return added(this.library.addVideo(viewer, title, description, file), viewer, model, response);
	}

	@PostMapping("/media/links")
	String processLinkedForm(@RequestParam String title, @RequestParam(required = false) String description,
			@RequestParam MediaType type, @RequestParam String url, @RequestParam(required = false) String startsAt,
			@RequestParam(required = false) String endsAt, @RequestParam(required = false) String zone, Viewer viewer,
			Model model, HttpServletResponse response) {
		SiteTime.Parsed starts = this.time.parse(startsAt, zone);
		SiteTime.Parsed ends = this.time.parse(endsAt, zone);
		Refusal refusal = unreadable(starts, ends).orElse(null);
		if (refusal == null) {
			Outcome<MediaItem> addition = this.library.addLinked(viewer, title, description, type, url, starts.orNull(),
					ends.orNull());
			if (!addition.isRefused()) {
				return "redirect:/media/" + addition.value().id();
			}
			refusal = addition.refusal();
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		showRefusal(refusal, "error", startsAt, endsAt, model);
		return library(viewer, model);
	}

	@GetMapping("/media/{id:\\d+}")
	String show(@PathVariable long id, Viewer viewer, Model model, HttpServletResponse response) {
		MediaItem item = this.library.find(id, viewer).orElseThrow(MediaController::notFound);
		if (item.type() == MediaType.live_session) {
			this.streams.allow(response, item.sourceUrl());
			model.addAttribute("scheduleSummary", scheduleSummary(item.window()));
		}
		model.addAttribute("item", item);
		model.addAttribute("captions", this.captions.of(item, viewer));
		model.addAttribute("poster", this.posters.find(item, viewer).orElse(null));
		model.addAttribute("actions",
				this.actions.stream()
					.map((action) -> action.entryFor(item, viewer))
					.flatMap(Optional::stream)
					.toList());
		return "media/item";
	}

	@PostMapping("/media/{id:\\d+}/captions")
	String processCaptionsForm(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam String language, @RequestParam String label, Viewer viewer, Model model,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		Outcome<List<Captions.Caption>> added;
		try (InputStream content = file.getInputStream()) {
			added = this.captions.add(id, viewer, language, label, content);
		}
		if (!added.isRefused()) {
			redirect.addFlashAttribute("message", "Captions added.");
			return "redirect:/media/" + id;
		}
		if (added.refusal().field().isEmpty()) {
			throw HtmlRefusals.page(added.refusal());
		}
		response.setStatus(added.refusal().status().value());
		model.addAttribute("captionsError", added.refusal().message());
		model.addAttribute("captionLanguage", language);
		model.addAttribute("captionLabel", label);
		return show(id, viewer, model, response);
	}

	@PostMapping("/media/{id:\\d+}/live")
	String processLiveSessionForm(@PathVariable long id, @RequestParam String url,
			@RequestParam(required = false) String startsAt, @RequestParam(required = false) String endsAt,
			@RequestParam(required = false) String zone, Viewer viewer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		SiteTime.Parsed starts = this.time.parse(startsAt, zone);
		SiteTime.Parsed ends = this.time.parse(endsAt, zone);
		Optional<MediaRefusal> unreadable = unreadable(starts, ends);
		Refusal refusal = unreadable.isPresent() ? unreadable.get()
				: this.library.updateLiveSession(id, viewer, url, starts.orNull(), ends.orNull()).refusal();
		if (refusal == null) {
			redirect.addFlashAttribute("message", "The live session was saved.");
			return "redirect:/media/" + id;
		}
		if (refusal == MediaRefusal.NOT_A_LIVE_SESSION) {
			// Only a live session's page has this form: for any other item it is no page.
			throw HtmlRefusals.page(CommonRefusal.NOT_FOUND);
		}
		if (refusal.field().isEmpty()) {
			throw HtmlRefusals.page(refusal);
		}
		response.setStatus(refusal.status().value());
		showRefusal(refusal, "scheduleError", startsAt, endsAt, model);
		return show(id, viewer, model, response);
	}

	@PostMapping("/media/{id:\\d+}/poster")
	String processPosterForm(@PathVariable long id, @RequestParam("file") MultipartFile file, Viewer viewer,
			Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		Outcome<Posters.Added> addition;
		try (InputStream content = file.getInputStream()) {
			addition = this.posters.add(id, viewer, content);
		}
		if (addition.refusal() == CommonRefusal.NOT_FOUND) {
			throw HtmlRefusals.page(addition.refusal());
		}
		if (addition.refusal() == MediaRefusal.IMAGES_BUSY) {
			// Busy, not wrong: the page again with 503, so that sending the form again is
			// the answer.
			HtmlRefusals.answer(addition.refusal(), response);
			model.addAttribute("message", addition.refusal().message());
			return show(id, viewer, model, response);
		}
		redirect.addFlashAttribute("message", addition.isRefused() ? addition.refusal().message()
				: addition.value().replaced() ? "Poster replaced." : "Poster added.");
		return "redirect:/media/" + id;
	}

	@PostMapping("/media/{id:\\d+}/poster/delete")
	String removePoster(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		Outcome<Posters.Poster> removed = this.posters.remove(id, viewer);
		if (removed.refusal() == CommonRefusal.NOT_FOUND) {
			throw HtmlRefusals.page(removed.refusal());
		}
		redirect.addFlashAttribute("message", removed.isRefused() ? removed.refusal().message() : "Poster removed.");
		return "redirect:/media/" + id;
	}

	@GetMapping("/media/{id:\\d+}/poster")
	ResponseEntity<?> poster(@PathVariable long id, Viewer viewer) {
		return this.posters.find(id, viewer)
			.map((poster) -> MediaContent.poster(poster, this.posters.file(poster)))
			.orElseThrow(MediaController::notFound);
	}

	@GetMapping("/media/{id:\\d+}/delete")
	String confirmDeletion(@PathVariable long id, Viewer viewer, Model model) {
		model.addAttribute("item", this.library.find(id, viewer).orElseThrow(MediaController::notFound));
		return "media/delete";
	}

	@PostMapping("/media/{id:\\d+}/delete")
	String delete(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		if (!this.library.delete(id, viewer)) {
			throw notFound();
		}
		redirect.addFlashAttribute("message", "The media was deleted.");
		return "redirect:/media";
	}

	private String added(Outcome<MediaItem> addition, Viewer viewer, Model model, HttpServletResponse response) {
		if (!addition.isRefused()) {
			return "redirect:/media/" + addition.value().id();
		}
		response.setStatus(addition.refusal().status().value());
		model.addAttribute("error", addition.refusal().message());
		return library(viewer, model);
	}

	/** Which typed time could not be read as a date and time, if one could not. */
	private static Optional<MediaRefusal> unreadable(SiteTime.Parsed starts, SiteTime.Parsed ends) {
		if (starts.invalid()) {
			return Optional.of(MediaRefusal.START_UNREADABLE);
		}
		return ends.invalid() ? Optional.of(MediaRefusal.END_UNREADABLE) : Optional.empty();
	}

	/**
	 * A refusal of a start or end time goes next to its field in the schedule's fields,
	 * which show the times as typed; any other one into the form's message.
	 */
	private static void showRefusal(Refusal refusal, String message, String startsAt, String endsAt, Model model) {
		Optional<String> field = refusal.field().filter(SCHEDULE_FIELDS::contains);
		if (field.isPresent()) {
			model.addAttribute("scheduleErrors", Map.of(field.get(), refusal.message()));
			model.addAttribute("scheduleTyped",
					Map.of("startsAt", (startsAt != null) ? startsAt : "", "endsAt", (endsAt != null) ? endsAt : ""));
		}
		else {
			model.addAttribute(message, refusal.message());
		}
	}

	private String scheduleSummary(LiveWindow window) {
		if (!window.isScheduled()) {
			return "no start or end time";
		}
		String starts = (window.startsAt() == null) ? "" : "starts " + this.time.readable(window.startsAt());
		String ends = (window.endsAt() == null) ? "" : "ends " + this.time.readable(window.endsAt());
		return (starts.isEmpty() || ends.isEmpty()) ? starts + ends : starts + ", " + ends;
	}

	private static ResponseStatusException notFound() {
		return HtmlRefusals.page(CommonRefusal.NOT_FOUND);
	}

}
