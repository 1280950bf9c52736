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
import org.guestpass.account.SignedIn;
import org.guestpass.media.Captions;
import org.guestpass.media.MediaContent;
import org.guestpass.media.MediaItem;
import org.guestpass.media.MediaLibrary;
import org.guestpass.media.MediaRefusal;
import org.guestpass.media.MediaType;
import org.guestpass.media.Posters;
import org.guestpass.media.Viewer;
import org.guestpass.system.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
	List<MediaResponse> list(@AuthenticationPrincipal SignedIn me) {
		List<MediaItem> items = this.library.list(Viewer.of(me));
		Map<Long, Posters.Poster> withPoster = this.posters.of(items);
		return items.stream().map((item) -> MediaResponse.of(item, withPoster.containsKey(item.id()))).toList();
	}

	@PostMapping(consumes = "multipart/form-data")
	ResponseEntity<?> upload(@RequestPart("file") MultipartFile file, @RequestParam String title,
			@RequestParam(required = false) String description, @RequestParam(defaultValue = "video") String type,
			@AuthenticationPrincipal SignedIn me) throws IOException {
		if (!MediaType.video.name().equals(type)) {
			return Problems.invalidField("type", "Only videos are uploaded; add other types as JSON with a url.");
		}
		return created(this.library.addVideo(Viewer.of(me), title, description, file));
	}

	@PostMapping(consumes = "application/json")
	ResponseEntity<?> createLinked(@Valid @RequestBody LinkedMediaRequest request,
			@AuthenticationPrincipal SignedIn me) {
		return created(this.library.addLinked(Viewer.of(me), request.title(), request.description(), request.type(),
				request.url(), request.startsAt(), request.endsAt()));
	}

	@PutMapping(path = "/{id}/live", consumes = "application/json")
	ResponseEntity<?> updateLiveSession(@PathVariable long id, @Valid @RequestBody LiveSessionRequest request,
			@AuthenticationPrincipal SignedIn me) {
		Optional<MediaRefusal> refusal = this.library.updateLiveSession(id, Viewer.of(me), request.url(),
				request.startsAt(), request.endsAt());
		if (refusal.isEmpty()) {
			return ResponseEntity.ok(MediaResponse.of(this.library.find(id, Viewer.of(me)).orElseThrow(), false));
		}
		if (refusal.get() == MediaRefusal.NOT_FOUND) {
			return Problems.notFound();
		}
		if (refusal.get() == MediaRefusal.NOT_A_LIVE_SESSION) {
			return Problems.response(HttpStatus.CONFLICT, "not_a_live_session", refusal.get().message());
		}
		return Problems.invalidField(refusal.get().field(), refusal.get().message());
	}

	@GetMapping("/{id}")
	ResponseEntity<?> show(@PathVariable long id, @AuthenticationPrincipal SignedIn me) {
		return this.library.find(id, Viewer.of(me))
			.<ResponseEntity<?>>map((item) -> ResponseEntity.ok(MediaResponse.of(item, this.posters.exists(id))))
			.orElseGet(Problems::notFound);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<?> delete(@PathVariable long id, @AuthenticationPrincipal SignedIn me) {
		return this.library.delete(id, Viewer.of(me)) ? ResponseEntity.noContent().build() : Problems.notFound();
	}

	@GetMapping("/{id}/content")
	ResponseEntity<?> content(@PathVariable long id, @AuthenticationPrincipal SignedIn me, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Optional<MediaItem> item = this.library.find(id, Viewer.of(me)).filter(MediaItem::hasFile);
		if (item.isEmpty()) {
			return Problems.notFound();
		}
		return MediaContent.serve(item.get(), this.library.file(item.get()), request, response);
	}

	@PostMapping(path = "/{id}/captions", consumes = "multipart/form-data")
	ResponseEntity<?> addCaptions(@PathVariable long id, @RequestPart("file") MultipartFile file,
			@RequestParam String language, @RequestParam String label, @AuthenticationPrincipal SignedIn me)
			throws IOException {
		Optional<MediaRefusal> refusal;
		try (InputStream content = file.getInputStream()) {
			refusal = this.captions.add(id, Viewer.of(me), language, label, content);
		}
		if (refusal.isEmpty()) {
			return ResponseEntity.created(URI.create("/api/v1/media/" + id + "/captions/" + language.trim()))
				.body(this.captions.of(id));
		}
		return refusal.get() == MediaRefusal.NOT_FOUND ? Problems.notFound()
				: Problems.invalidField(refusal.get().field(), refusal.get().message());
	}

	@GetMapping("/{id}/captions")
	ResponseEntity<?> captions(@PathVariable long id, @AuthenticationPrincipal SignedIn me) {
		return this.library.find(id, Viewer.of(me))
			.<ResponseEntity<?>>map((item) -> ResponseEntity.ok(this.captions.of(id)))
			.orElseGet(Problems::notFound);
	}

	@GetMapping("/{id}/captions/{language}")
	ResponseEntity<?> captionFile(@PathVariable long id, @PathVariable String language,
			@AuthenticationPrincipal SignedIn me) {
		return this.library.find(id, Viewer.of(me))
			.flatMap((item) -> this.captions.content(id, language))
			.<ResponseEntity<?>>map(MediaContent::captions)
			.orElseGet(Problems::notFound);
	}

	@DeleteMapping("/{id}/captions/{language}")
	ResponseEntity<?> removeCaptions(@PathVariable long id, @PathVariable String language,
			@AuthenticationPrincipal SignedIn me) {
		return this.captions.remove(id, Viewer.of(me), language) ? ResponseEntity.noContent().build()
				: Problems.notFound();
	}

	/**
	 * Adds or replaces the poster: 201 when the video had none, 200 when it replaced one;
	 * 503 with {@code Retry-After} while the node is converting as many images as it may.
	 */
	@PutMapping(path = "/{id}/poster", consumes = "multipart/form-data")
	ResponseEntity<?> putPoster(@PathVariable long id, @RequestPart("file") MultipartFile file,
			@AuthenticationPrincipal SignedIn me) throws IOException {
		Posters.Addition addition;
		try (InputStream content = file.getInputStream()) {
			addition = this.posters.add(id, Viewer.of(me), content);
		}
		if (addition.refusal() == MediaRefusal.NOT_FOUND) {
			return Problems.notFound();
		}
		if (addition.refusal() == MediaRefusal.IMAGES_BUSY) {
			// The node is busy, not the request wrong: 503, to be sent again as it is.
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(Posters.RETRY_AFTER.toSeconds()))
				.body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "images_busy", addition.refusal().message()));
		}
		if (addition.refusal() != null) {
			return Problems.invalidField(addition.refusal().field(), addition.refusal().message());
		}
		return this.library.find(id, Viewer.of(me)).<ResponseEntity<?>>map((item) -> {
			MediaResponse body = MediaResponse.of(item, true);
			return addition.replaced() ? ResponseEntity.ok(body)
					: ResponseEntity.created(URI.create("/api/v1/media/" + id + "/poster")).body(body);
		}).orElseGet(Problems::notFound);
	}

	@GetMapping("/{id}/poster")
	ResponseEntity<?> poster(@PathVariable long id, @AuthenticationPrincipal SignedIn me) {
		return this.library.find(id, Viewer.of(me))
			.flatMap((item) -> this.posters.find(id))
			.<ResponseEntity<?>>map((poster) -> MediaContent.poster(poster, this.posters.file(poster)))
			.orElseGet(Problems::notFound);
	}

	@DeleteMapping("/{id}/poster")
	ResponseEntity<?> removePoster(@PathVariable long id, @AuthenticationPrincipal SignedIn me) {
		return this.posters.remove(id, Viewer.of(me)).isEmpty() ? ResponseEntity.noContent().build()
				: Problems.notFound();
	}

	private static ResponseEntity<?> created(MediaLibrary.Addition addition) {
		if (addition.refusal() != null) {
			return Problems.invalidField(addition.refusal().field(), addition.refusal().message());
		}
		return ResponseEntity.created(URI.create("/api/v1/media/" + addition.item().id()))
			.body(MediaResponse.of(addition.item(), false));
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
