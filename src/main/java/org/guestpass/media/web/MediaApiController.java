package org.guestpass.media.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.guestpass.media.Captions;
import org.guestpass.media.MediaItem;
import org.guestpass.media.MediaLibrary;
import org.guestpass.media.MediaRefusal;
import org.guestpass.media.MediaType;
import org.guestpass.media.Posters;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Media items in the JSON API: members see and change their own, admins every item.
 */
@RestController
@RequestMapping("/api/v1/media")
class MediaApiController {

	private final MediaLibrary library;

	private final Captions captions;

	private final Posters posters;

	MediaApiController(MediaLibrary library, Captions captions, Posters posters) {
		this.library = library;
		this.captions = captions;
		this.posters = posters;
	}

	@GetMapping
	List<MediaResponse> list(Viewer viewer) {
		List<MediaItem> items = this.library.list(viewer);
		Map<Long, Posters.Poster> withPoster = this.posters.of(items, viewer);
		return items.stream().map((item) -> MediaResponse.of(item, withPoster.containsKey(item.id()))).toList();
	}

	@PostMapping(consumes = "multipart/form-data")
	ResponseEntity<?> upload(@RequestPart("file") MultipartFile file, @RequestParam String title,
			@RequestParam(required = false) String description, @RequestParam(defaultValue = "video") String type,
			Viewer viewer) throws IOException {
		if (!MediaType.video.name().equals(type)) {
			return Problems.refused(MediaRefusal.UPLOAD_NOT_A_VIDEO);
		}
		return created(this.library.addVideo(viewer, title, description, file));
	}

	@PostMapping(consumes = "application/json")
	ResponseEntity<?> createLinked(@Valid @RequestBody LinkedMediaRequest request, Viewer viewer) {
		return created(this.library.addLinked(viewer, request.title(), request.description(), request.type(),
				request.url(), request.startsAt(), request.endsAt()));
	}

	@PutMapping(path = "/{id}/live", consumes = "application/json")
	ResponseEntity<?> updateLiveSession(@PathVariable long id, @Valid @RequestBody LiveSessionRequest request,
			Viewer viewer) {
		Outcome<MediaItem> changed = this.library.updateLiveSession(id, viewer, request.url(), request.startsAt(),
				request.endsAt());
		if (changed.isRefused()) {
			return Problems.refused(changed.refusal());
		}
		return ResponseEntity.ok(MediaResponse.of(changed.value(), false));
	}

	@GetMapping("/{id}")
	ResponseEntity<?> show(@PathVariable long id, Viewer viewer) {
		return this.library.find(id, viewer)
			.<ResponseEntity<?>>map(
					(item) -> ResponseEntity.ok(MediaResponse.of(item, this.posters.exists(item, viewer))))
			.orElseGet(Problems::notFound);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<?> delete(@PathVariable long id, Viewer viewer) {
		return this.library.delete(id, viewer) ? ResponseEntity.noContent().build() : Problems.notFound();
	}

	@GetMapping("/{id}/content")
	ResponseEntity<?> content(@PathVariable long id, Viewer viewer, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Optional<MediaItem> item = this.library.find(id, viewer).filter(MediaItem::hasFile);
		if (item.isEmpty()) {
			return Problems.notFound();
		}
		return MediaContent.serve(item.get(), this.library.file(item.get()), request, response);
	}

	@PostMapping(path = "/{id}/captions", consumes = "multipart/form-data")
	ResponseEntity<?> addCaptions(@PathVariable long id, @RequestPart("file") MultipartFile file,
			@RequestParam String language, @RequestParam String label, Viewer viewer) throws IOException {
		Outcome<List<Captions.Caption>> added;
		try (InputStream content = file.getInputStream()) {
			added = this.captions.add(id, viewer, language, label, content);
		}
		if (added.isRefused()) {
			return Problems.refused(added.refusal());
		}
		return ResponseEntity.created(URI.create("/api/v1/media/" + id + "/captions/" + language.trim()))
			.body(added.value());
	}

	@GetMapping("/{id}/captions")
	ResponseEntity<?> captions(@PathVariable long id, Viewer viewer) {
		return this.captions.of(id, viewer).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(Problems::notFound);
	}

	@GetMapping("/{id}/captions/{language}")
	ResponseEntity<?> captionFile(@PathVariable long id, @PathVariable String language, Viewer viewer) {
		return this.captions.content(id, viewer, language)
			.<ResponseEntity<?>>map(MediaContent::captions)
			.orElseGet(Problems::notFound);
	}

	@DeleteMapping("/{id}/captions/{language}")
	ResponseEntity<?> removeCaptions(@PathVariable long id, @PathVariable String language, Viewer viewer) {
		return this.captions.remove(id, viewer, language) ? ResponseEntity.noContent().build() : Problems.notFound();
	}

	/**
	 * Adds or replaces the poster: 201 when the video had none, 200 when it replaced one;
	 * 503 with {@code Retry-After} while the node is converting as many images as it may.
	 */
	@PutMapping(path = "/{id}/poster", consumes = "multipart/form-data")
	ResponseEntity<?> putPoster(@PathVariable long id, @RequestPart("file") MultipartFile file, Viewer viewer)
			throws IOException {
		Outcome<Posters.Added> addition;
		try (InputStream content = file.getInputStream()) {
			addition = this.posters.add(id, viewer, content);
		}
		if (addition.isRefused()) {
			return Problems.refused(addition.refusal());
		}
		MediaResponse body = MediaResponse.of(addition.value().item(), true);
		return addition.value().replaced() ? ResponseEntity.ok(body)
				: ResponseEntity.created(URI.create("/api/v1/media/" + id + "/poster")).body(body);
	}

	@GetMapping("/{id}/poster")
	ResponseEntity<?> poster(@PathVariable long id, Viewer viewer) {
		return this.posters.find(id, viewer)
			.<ResponseEntity<?>>map((poster) -> MediaContent.poster(poster, this.posters.file(poster)))
			.orElseGet(Problems::notFound);
	}

	@DeleteMapping("/{id}/poster")
	ResponseEntity<?> removePoster(@PathVariable long id, Viewer viewer) {
		Outcome<Posters.Poster> removed = this.posters.remove(id, viewer);
		return removed.isRefused() ? Problems.refused(removed.refusal()) : ResponseEntity.noContent().build();
	}

	private static ResponseEntity<?> created(Outcome<MediaItem> addition) {
		if (addition.isRefused()) {
			return Problems.refused(addition.refusal());
		}
		return ResponseEntity.created(URI.create("/api/v1/media/" + addition.value().id()))
			.body(MediaResponse.of(addition.value(), false));
	}

	/**
	 * A live session, room or channel room to add. Lengths are the library's to check, in
	 * characters as a person counts them; {@code @Size} would count UTF-16 units and
	 * refuse half as many emoji.
	 */
	record LinkedMediaRequest(@NotBlank String title, String description, @NotNull MediaType type, @NotBlank String url,
			Instant startsAt, Instant endsAt) {
	}

	/** A live session's new stream URL and times; the library checks the URL's length. */
	record LiveSessionRequest(@NotBlank String url, Instant startsAt, Instant endsAt) {
	}

}
