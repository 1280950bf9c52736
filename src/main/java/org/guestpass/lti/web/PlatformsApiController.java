package org.guestpass.lti.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.guestpass.audit.Actor;
import org.guestpass.lti.Platform;
import org.guestpass.lti.PlatformDraft;
import org.guestpass.lti.PlatformPreset;
import org.guestpass.lti.Platforms;
import org.guestpass.lti.ToolKeys;
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
 * Platform registrations and GuestPass's LTI keys in the JSON API, for admins (the
 * security configuration keeps {@code /api/v1/admin/**} to them).
 */
@RestController
@RequestMapping("/api/v1/admin/lti")
class PlatformsApiController {

	private final Platforms platforms;

	private final ToolKeys keys;

	PlatformsApiController(Platforms platforms, ToolKeys keys) {
		this.platforms = platforms;
		this.keys = keys;
	}

	@GetMapping("/platforms")
	List<Platform> list() {
		return this.platforms.list();
	}

	@GetMapping("/platforms/{id}")
	ResponseEntity<?> show(@PathVariable long id) {
		return this.platforms.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(Problems::notFound);
	}

	@PostMapping("/platforms")
	ResponseEntity<?> add(@RequestBody PlatformRequest request, Principal admin) {
		if (request.hasUnknownPreset()) {
			return unknownPreset();
		}
		Outcome<Platform> added = this.platforms.add(request.draft(), Actor.user(admin.getName()));
		if (added.isRefused()) {
			return Problems.refused(added.refusal());
		}
		return ResponseEntity.created(URI.create("/api/v1/admin/lti/platforms/" + added.value().id()))
			.body(added.value());
	}

	@PutMapping("/platforms/{id}")
	ResponseEntity<?> change(@PathVariable long id, @RequestBody PlatformRequest request, Principal admin) {
		if (request.hasUnknownPreset()) {
			return unknownPreset();
		}
		Outcome<Platform> changed = this.platforms.change(id, request.draft(), Actor.user(admin.getName()));
		return changed.isRefused() ? Problems.refused(changed.refusal()) : ResponseEntity.ok(changed.value());
	}

	@DeleteMapping("/platforms/{id}")
	ResponseEntity<?> remove(@PathVariable long id, Principal admin) {
		Outcome<Platform> removed = this.platforms.remove(id, Actor.user(admin.getName()));
		return removed.isRefused() ? Problems.refused(removed.refusal()) : ResponseEntity.noContent().build();
	}

	@GetMapping("/presets")
	List<PresetResponse> presets() {
		return List.of(PlatformPreset.values()).stream().map(PresetResponse::of).toList();
	}

	@GetMapping("/keys")
	List<KeyResponse> listKeys() {
		ToolKeys.ToolKey signing = this.keys.signingKey();
		return this.keys.keys().stream().map((key) -> KeyResponse.of(key, signing)).toList();
	}

	@PostMapping("/keys")
	ResponseEntity<KeyResponse> addKey(Principal admin) {
		ToolKeys.ToolKey key = this.keys.add(Actor.user(admin.getName()));
		return ResponseEntity.created(URI.create("/api/v1/admin/lti/keys/" + key.kid())).body(KeyResponse.of(key, key));
	}

	@DeleteMapping("/keys/{kid}")
	ResponseEntity<?> retireKey(@PathVariable String kid, Principal admin) {
		Outcome<ToolKeys.ToolKey> retired = this.keys.retire(kid, Actor.user(admin.getName()));
		return retired.isRefused() ? Problems.refused(retired.refusal()) : ResponseEntity.noContent().build();
	}

	private static ResponseEntity<?> unknownPreset() {
		return Problems.invalid(List.of(new Problems.FieldError("preset",
				"Choose a preset: "
						+ String.join(", ", List.of(PlatformPreset.values()).stream().map(PresetResponse::id).toList())
						+ ", or none.")));
	}

	/**
	 * A registration as sent: a {@code preset} ({@code canvas}, {@code canvas_beta},
	 * {@code canvas_test}) fills the issuer and endpoints that are not sent.
	 */
	record PlatformRequest(String preset, String name, String issuer, String clientId, List<String> deploymentIds,
			String authorizationUrl, String tokenUrl, String jwksUrl) {

		boolean hasUnknownPreset() {
			return this.preset != null && !this.preset.isBlank() && PresetResponse.find(this.preset) == null;
		}

		PlatformDraft draft() {
			PlatformPreset chosen = PresetResponse.find(this.preset);
			if (chosen == null) {
				return new PlatformDraft(this.name, this.issuer, this.clientId, this.deploymentIds,
						this.authorizationUrl, this.tokenUrl, this.jwksUrl);
			}
			return new PlatformDraft(this.name, or(this.issuer, chosen.issuer()), this.clientId, this.deploymentIds,
					or(this.authorizationUrl, chosen.authorizationUrl()), or(this.tokenUrl, chosen.tokenUrl()),
					or(this.jwksUrl, chosen.jwksUrl()));
		}

		private static String or(String sent, String preset) {
			return (sent != null && !sent.isBlank()) ? sent : preset;
		}

	}

	record PresetResponse(String id, String name, String issuer, String authorizationUrl, String tokenUrl,
			String jwksUrl) {

		static String id(PlatformPreset preset) {
			return preset.name().toLowerCase(Locale.ROOT);
		}

		static PresetResponse of(PlatformPreset preset) {
			return new PresetResponse(id(preset), preset.label(), preset.issuer(), preset.authorizationUrl(),
					preset.tokenUrl(), preset.jwksUrl());
		}

		static PlatformPreset find(String id) {
			if (id == null || id.isBlank()) {
				return null;
			}
			for (PlatformPreset preset : PlatformPreset.values()) {
				if (preset.name().equalsIgnoreCase(id.strip())) {
					return preset;
				}
			}
			return null;
		}

	}

	record KeyResponse(String kid, Instant createdAt, boolean signing) {

		static KeyResponse of(ToolKeys.ToolKey key, ToolKeys.ToolKey signing) {
			return new KeyResponse(key.kid(), key.created(), key.kid().equals(signing.kid()));
		}

	}

}
