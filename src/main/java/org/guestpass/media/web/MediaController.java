package org.guestpass.media.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.guestpass.account.SignedIn;
import org.guestpass.media.Captions;
import org.guestpass.media.MediaItem;
import org.guestpass.media.MediaLibrary;
import org.guestpass.media.MediaRefusal;
import org.guestpass.media.MediaListNotes;
import org.guestpass.media.MediaPageAction;
import org.guestpass.media.MediaType;
import org.guestpass.media.Viewer;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

	MediaController(MediaLibrary library, List<MediaPageAction> actions, List<MediaListNotes> notes,
			Captions captions) {
		this.library = library;
		this.actions = actions;
		this.notes = notes;
		this.captions = captions;
	}

	@GetMapping("/media")
	String library(@AuthenticationPrincipal SignedIn me, Model model) {
		List<MediaItem> items = this.library.list(Viewer.of(me));
		Map<Long, String> itemNotes = new HashMap<>();
		this.notes.forEach((source) -> itemNotes.putAll(source.notesFor(items)));
		model.addAttribute("items", items);
		model.addAttribute("notes", itemNotes);
		model.addAttribute("linkedTypes", List.of(MediaType.live_session, MediaType.room, MediaType.channel_room));
		return "media/library";
	}

	@PostMapping("/media/videos")
	String processVideoForm(@RequestParam("file") MultipartFile file, @RequestParam String title,
			@RequestParam(required = false) String description, @AuthenticationPrincipal SignedIn me, Model model,
			HttpServletResponse response) throws IOException {
		return added(this.library.addVideo(Viewer.of(me), title, description, file), me, model, response);
	}

	@PostMapping("/media/links")
	String processLinkedForm(@RequestParam String title, @RequestParam(required = false) String description,
			@RequestParam MediaType type, @RequestParam String url, @AuthenticationPrincipal SignedIn me, Model model,
			HttpServletResponse response) {
		return added(this.library.addLinked(Viewer.of(me), title, description, type, url), me, model, response);
	}

	@GetMapping("/media/{id:\\d+}")
	String show(@PathVariable long id, @AuthenticationPrincipal SignedIn me, Model model) {
		Viewer viewer = Viewer.of(me);
		MediaItem item = this.library.find(id, viewer).orElseThrow(MediaController::notFound);
		model.addAttribute("item", item);
		model.addAttribute("captions", this.captions.of(id));
		model.addAttribute("actions",
				this.actions.stream().map((action) -> action.entryFor(item, viewer)).flatMap(Optional::stream).toList());
		return "media/item";
	}

	@PostMapping("/media/{id:\\d+}/captions")
	String processCaptionsForm(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam String language, @RequestParam String label, @AuthenticationPrincipal SignedIn me,
			RedirectAttributes redirect) throws IOException {
		Optional<MediaRefusal> refusal;
		try (InputStream content = file.getInputStream()) {
			refusal = this.captions.add(id, Viewer.of(me), language, label, content);
		}
		if (refusal.isPresent() && refusal.get() == MediaRefusal.NOT_FOUND) {
			throw notFound();
		}
		redirect.addFlashAttribute("message", refusal.map(MediaRefusal::message).orElse("Captions added."));
		return "redirect:/media/" + id;
	}

	@GetMapping("/media/{id:\\d+}/delete")
	String confirmDeletion(@PathVariable long id, @AuthenticationPrincipal SignedIn me, Model model) {
		model.addAttribute("item", this.library.find(id, Viewer.of(me)).orElseThrow(MediaController::notFound));
		return "media/delete";
	}

	@PostMapping("/media/{id:\\d+}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal SignedIn me, RedirectAttributes redirect) {
		if (!this.library.delete(id, Viewer.of(me))) {
			throw notFound();
		}
		redirect.addFlashAttribute("message", "The media was deleted.");
		return "redirect:/media";
	}

	private String added(MediaLibrary.Addition addition, SignedIn me, Model model, HttpServletResponse response) {
		if (addition.refusal() == null) {
			return "redirect:/media/" + addition.item().id();
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("error", addition.refusal().message());
		return library(me, model);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
	}

}
