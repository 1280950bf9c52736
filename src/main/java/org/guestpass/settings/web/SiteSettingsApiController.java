package org.guestpass.settings.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.guestpass.audit.Actor;
import org.guestpass.settings.GuestLinkPolicy;
import org.guestpass.settings.LmsSettings;
import org.guestpass.settings.SiteModules;
import org.guestpass.settings.SiteSettings;
import org.guestpass.system.Problems;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Site settings for admins (the security configuration keeps {@code /api/v1/admin/**} to
 * admins).
 */
@RestController
@RequestMapping("/api/v1/admin")
class SiteSettingsApiController {

	private final SiteSettings settings;

	SiteSettingsApiController(SiteSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/modules")
	SiteModules modules() {
		return this.settings.modules();
	}

	@PutMapping("/modules")
	SiteModules changeModules(@Valid @RequestBody ModulesRequest request, Principal admin) {
		return this.settings.changeModules(
				new SiteModules(request.invitetomedia(), request.theming(), request.mediapage()),
				Actor.user(admin.getName()));
	}

	@GetMapping("/lms")
	LmsSettings lms() {
		return this.settings.lms();
	}

	@PutMapping("/lms")
	LmsSettings changeLms(@Valid @RequestBody LmsRequest request, Principal admin) {
		return this.settings.changeLms(new LmsSettings(request.teachingAssistantsManage(), request.courseEndCeiling()),
				Actor.user(admin.getName()));
	}

	@GetMapping("/policy")
	GuestLinkPolicy policy() {
		return this.settings.policy();
	}

	@PutMapping("/policy")
	ResponseEntity<?> changePolicy(@Valid @RequestBody PolicyRequest request, Principal admin) {
		List<Problems.FieldError> invalid = new ArrayList<>();
		GuestLinkPolicy.LINKS_PER_ITEM.check(request.maxLinksPerItem(), "maxLinksPerItem", invalid);
		GuestLinkPolicy.DURATION_DAYS.check(request.maxDurationDays(), "maxDurationDays", invalid);
		if (!invalid.isEmpty()) {
			return Problems.invalid(invalid);
		}
		return ResponseEntity.ok(this.settings.changePolicy(
				new GuestLinkPolicy(request.lowestRole(), request.maxLinksPerItem(), request.maxDurationDays()),
				Actor.user(admin.getName())));
	}

	record LmsRequest(@NotNull Boolean teachingAssistantsManage, @NotNull Boolean courseEndCeiling) {
	}

	record ModulesRequest(@NotNull Boolean invitetomedia, @NotNull Boolean theming, @NotNull Boolean mediapage) {
	}

	/** The numbers are checked by the policy's number rules, in their words. */
	record PolicyRequest(@NotNull GuestLinkPolicy.LowestRole lowestRole, Integer maxLinksPerItem,
			Integer maxDurationDays) {
	}

}
