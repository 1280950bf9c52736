package org.guestpass.media.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
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

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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
		// The form that was sent, refused, is already there with what was typed.
		addIfAbsent(model, "videoForm", VideoForm.EMPTY);
		addIfAbsent(model, "linkedForm", LinkedForm.EMPTY);
		return "media/library";
	}

	@PostMapping("/media/videos")
	String processVideoForm(@ModelAttribute("videoForm") VideoForm form, BindingResult errors, Viewer viewer,
			Model model, HttpServletResponse response) throws IOException {
		Outcome<MediaItem> addition = this.library.addVideo(viewer, form.title(), form.description(),
				required(form.file()));
		if (!addition.isRefused()) {
			return "redirect:/media/" + addition.value().id();
		}
		refuse(addition.refusal(), errors, response);
		return library(viewer, model);
	}

	@PostMapping("/media/links")
	String processLinkedForm(@ModelAttribute("linkedForm") LinkedForm form, BindingResult errors, Viewer viewer,
			Model model, HttpServletResponse response) {
		if (errors.hasFieldErrors("type") || form.type() == null) {
			// Not a type the form offers: not a request the form sends.
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		SiteTime.Parsed starts = this.time.parse(form.startsAt(), form.zone());
		SiteTime.Parsed ends = this.time.parse(form.endsAt(), form.zone());
		Refusal refusal = unreadable(starts, ends).orElse(null);
		if (refusal == null) {
			Outcome<MediaItem> addition = this.library.addLinked(viewer, form.title(), form.description(), form.type(),
					form.url(), starts.orNull(), ends.orNull());
			if (!addition.isRefused()) {
				return "redirect:/media/" + addition.value().id();
			}
			refusal = addition.refusal();
		}
		refuse(refusal, errors, response);
		return library(viewer, model);
	}

	@GetMapping("/media/{id:\\d+}")
	String show(@PathVariable long id, Viewer viewer, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		MediaItem item = this.library.find(id, viewer).orElseThrow(MediaController::notFound);
		if (item.type() == MediaType.live_session) {
			this.streams.allow(request, response, item.sourceUrl());
			model.addAttribute("scheduleSummary", scheduleSummary(item.window()));
			addIfAbsent(model, "liveForm", LiveSessionForm.of(item, this.time));
		}
		addIfAbsent(model, "captionsForm", CaptionsForm.EMPTY);
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
	String processCaptionsForm(@PathVariable long id, @ModelAttribute("captionsForm") CaptionsForm form,
			BindingResult errors, Viewer viewer, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		Outcome<List<Captions.Caption>> added;
		try (InputStream content = required(form.file()).getInputStream()) {
			added = this.captions.add(id, viewer, form.language(), form.label(), content);
		}
		if (!added.isRefused()) {
			redirect.addFlashAttribute("message", "Captions added.");
			return "redirect:/media/" + id;
		}
		if (added.refusal().field().isEmpty()) {
			throw HtmlRefusals.page(added.refusal());
		}
		refuse(added.refusal(), errors, response);
		return show(id, viewer, model, request, response);
	}

	@PostMapping("/media/{id:\\d+}/live")
	String processLiveSessionForm(@PathVariable long id, @ModelAttribute("liveForm") LiveSessionForm form,
			BindingResult errors, Viewer viewer, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		SiteTime.Parsed starts = this.time.parse(form.startsAt(), form.zone());
		SiteTime.Parsed ends = this.time.parse(form.endsAt(), form.zone());
		Optional<MediaRefusal> unreadable = unreadable(starts, ends);
		Refusal refusal = unreadable.isPresent() ? unreadable.get()
				: this.library.updateLiveSession(id, viewer, form.url(), starts.orNull(), ends.orNull()).refusal();
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
		refuse(refusal, errors, response);
		return show(id, viewer, model, request, response);
	}

	@PostMapping("/media/{id:\\d+}/poster")
	String processPosterForm(@PathVariable long id, @RequestParam("file") MultipartFile file, Viewer viewer,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect)
			throws IOException {
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
			return show(id, viewer, model, request, response);
		}
		if (addition.isRefused()) {
			redirect.addFlashAttribute("message", addition.refusal().message());
		}
		else {
			redirect.addFlashAttribute("message", addition.value().replaced() ? "Poster replaced." : "Poster added.");
		}
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

	/**
	 * Shows a refused form again with what was typed, the refusal next to its field, and
	 * the refusal's status.
	 */
	private static void refuse(Refusal refusal, BindingResult errors, HttpServletResponse response) {
		HtmlRefusals.answer(refusal, response);
		HtmlRefusals.reject(refusal, errors);
	}

	/** A form's file: a form sent without its file part is not one the page sends. */
	private static MultipartFile required(MultipartFile file) {
		if (file == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		return file;
	}

	private static void addIfAbsent(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}

	/** Which typed time could not be read as a date and time, if one could not. */
	private static Optional<MediaRefusal> unreadable(SiteTime.Parsed starts, SiteTime.Parsed ends) {
		if (starts.invalid()) {
			return Optional.of(MediaRefusal.START_UNREADABLE);
		}
		return ends.invalid() ? Optional.of(MediaRefusal.END_UNREADABLE) : Optional.empty();
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

	/** The upload form of the library page. */
	record VideoForm(String title, String description, MultipartFile file) {

		static final VideoForm EMPTY = new VideoForm("", "", null);

	}

	/** The library page's form that adds a live session, a room or a channel room. */
	record LinkedForm(String title, String description, MediaType type, String url, String startsAt, String endsAt,
			String zone) {

		static final LinkedForm EMPTY = new LinkedForm("", "", MediaType.live_session, "", "", "", null);

	}

	/** A video's captions form. */
	record CaptionsForm(String language, String label, MultipartFile file) {

		static final CaptionsForm EMPTY = new CaptionsForm("", "", null);

	}

	/**
	 * A live session's stream and times, as typed in the site's time zone or the one the
	 * browser sends in {@code zone}.
	 */
	record LiveSessionForm(String url, String startsAt, String endsAt, String zone) {

		static LiveSessionForm of(MediaItem item, SiteTime time) {
			return new LiveSessionForm(item.sourceUrl(), time.inputValue(item.window().startsAt()),
					time.inputValue(item.window().endsAt()), null);
		}

	}

}
