package org.guestpass.lti.web;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.guestpass.audit.Actor;
import org.guestpass.lti.Platform;
import org.guestpass.lti.PlatformDraft;
import org.guestpass.lti.PlatformPreset;
import org.guestpass.lti.Platforms;
import org.guestpass.system.CommonRefusal;
import org.guestpass.system.HtmlRefusals;
import org.guestpass.system.Outcome;
import org.guestpass.system.PublicAddress;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' page of LMS platform registrations, which works without JavaScript: the
 * list, a form to add one (a Canvas preset fills the issuer and the URLs left empty, as
 * the API's {@code preset} does), a page to change one and a confirmation page before one
 * is removed. The security configuration keeps {@code /admin/**} to admins.
 */
@Controller
@RequestMapping("/admin/lti")
class PlatformsController {

	static final String CHOOSE_PLATFORM = "Choose Canvas, Canvas (beta), Canvas (test) or Other.";

	private final Platforms platforms;

	private final PublicAddress address;

	PlatformsController(Platforms platforms, PublicAddress address) {
		this.platforms = platforms;
		this.address = address;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("form", PlatformForm.EMPTY);
		return page(model);
	}

	@PostMapping
	String add(@ModelAttribute("form") PlatformForm form, BindingResult errors, Principal admin, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (checkPreset(form, errors, response)) {
			Outcome<Platform> added = this.platforms.add(form.draft(), Actor.user(admin.getName()));
			if (!added.isRefused()) {
				redirect.addFlashAttribute("message", "Added the platform “" + added.value().name() + "”.");
				return "redirect:/admin/lti";
			}
			HtmlRefusals.answer(added.refusal(), response);
			HtmlRefusals.reject(added.refusal(), errors);
		}
		return page(model);
	}

	@GetMapping("/{id:\\d+}/edit")
	String edit(@PathVariable long id, Model model) {
		Platform platform = platform(id);
		model.addAttribute("platform", platform);
		model.addAttribute("form", PlatformForm.of(platform));
		return editPage(model);
	}

	@PostMapping("/{id:\\d+}")
	String change(@PathVariable long id, @ModelAttribute("form") PlatformForm form, BindingResult errors,
			Principal admin, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Platform platform = platform(id);
		if (checkPreset(form, errors, response)) {
			Outcome<Platform> changed = this.platforms.change(id, form.draft(), Actor.user(admin.getName()));
			if (!changed.isRefused()) {
				redirect.addFlashAttribute("message", "Saved the platform “" + changed.value().name() + "”.");
				return "redirect:/admin/lti";
			}
			if (changed.refusal().field().isEmpty()) {
				throw HtmlRefusals.page(changed.refusal());
			}
			HtmlRefusals.answer(changed.refusal(), response);
			HtmlRefusals.reject(changed.refusal(), errors);
		}
		model.addAttribute("platform", platform);
		return editPage(model);
	}

	@GetMapping("/{id:\\d+}/remove")
	String confirmRemoval(@PathVariable long id, Model model) {
		model.addAttribute("platform", platform(id));
		return "lti/remove";
	}

	@PostMapping("/{id:\\d+}/remove")
	String remove(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
		Outcome<Platform> removed = this.platforms.remove(id, Actor.user(admin.getName()));
		if (removed.isRefused()) {
			throw HtmlRefusals.page(removed.refusal());
		}
		redirect.addFlashAttribute("message", "Removed the platform “" + removed.value().name()
				+ "”. Its users can no longer open GuestPass from it.");
		return "redirect:/admin/lti";
	}

	/**
	 * Whether the form names a preset the page offers, or none; otherwise the refusal is
	 * next to the Platform field and the answer is 400.
	 */
	private static boolean checkPreset(PlatformForm form, BindingResult errors, HttpServletResponse response) {
		if (form.hasUnknownPreset()) {
			errors.rejectValue("preset", "preset_unknown", CHOOSE_PLATFORM);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return false;
		}
		return true;
	}

	private Platform platform(long id) {
		return this.platforms.find(id).orElseThrow(() -> HtmlRefusals.page(CommonRefusal.NOT_FOUND));
	}

	private String page(Model model) {
		model.addAttribute("platforms", this.platforms.list());
		addChoicesAndUrls(model);
		return "lti/platforms";
	}

	private String editPage(Model model) {
		addChoicesAndUrls(model);
		return "lti/edit";
	}

	private void addChoicesAndUrls(Model model) {
		model.addAttribute("presetChoices", PresetChoice.ALL);
		String base = this.address.base();
		model.addAttribute("toolUrls", new ToolUrls(base + "/lti/login", base + "/lti/launch", base + "/lti/jwks"));
	}

	/**
	 * A registration as typed: the preset's id ({@code canvas}, {@code canvas_beta},
	 * {@code canvas_test}) or empty for another platform, and the deployment ids as one
	 * text, one on each line (commas separate them too).
	 */
	record PlatformForm(String preset, String name, String issuer, String clientId, String deploymentIds,
			String authorizationUrl, String tokenUrl, String jwksUrl) {

		static final PlatformForm EMPTY = new PlatformForm(PresetChoice.id(PlatformPreset.CANVAS), "", "", "", "", "",
				"", "");

		/**
		 * The form of a registration to change: its preset chosen when its issuer and
		 * URLs are the preset's.
		 */
		static PlatformForm of(Platform platform) {
			String preset = Arrays.stream(PlatformPreset.values())
				.filter((candidate) -> candidate.issuer().equals(platform.issuer())
						&& candidate.authorizationUrl().equals(platform.authorizationUrl())
						&& candidate.tokenUrl().equals(platform.tokenUrl())
						&& candidate.jwksUrl().equals(platform.jwksUrl()))
				.map(PresetChoice::id)
				.findFirst()
				.orElse("");
			return new PlatformForm(preset, platform.name(), platform.issuer(), platform.clientId(),
					String.join("\n", platform.deploymentIds()), platform.authorizationUrl(), platform.tokenUrl(),
					platform.jwksUrl());
		}

		boolean hasUnknownPreset() {
			return this.preset != null && !this.preset.isBlank() && PresetChoice.find(this.preset) == null;
		}

		/** The deployment ids typed, each on a line of its own or between commas. */
		List<String> deploymentIdList() {
			if (this.deploymentIds == null) {
				return List.of();
			}
			return Arrays.stream(this.deploymentIds.split("[\\r\\n,]+"))
				.map(String::strip)
				.filter((id) -> !id.isEmpty())
				.toList();
		}

		/**
		 * The draft, with the chosen preset's issuer and URLs where nothing was typed.
		 */
		PlatformDraft draft() {
			PlatformPreset chosen = PresetChoice.find(this.preset);
			if (chosen == null) {
				return new PlatformDraft(this.name, this.issuer, this.clientId, deploymentIdList(),
						this.authorizationUrl, this.tokenUrl, this.jwksUrl);
			}
			return new PlatformDraft(this.name, or(this.issuer, chosen.issuer()), this.clientId, deploymentIdList(),
					or(this.authorizationUrl, chosen.authorizationUrl()), or(this.tokenUrl, chosen.tokenUrl()),
					or(this.jwksUrl, chosen.jwksUrl()));
		}

		private static String or(String typed, String preset) {
			return (typed != null && !typed.isBlank()) ? typed : preset;
		}

	}

	/** One option of the Platform select: the value sent, the words shown. */
	record PresetChoice(String value, String label) {

		static final List<PresetChoice> ALL = List.of(choice(PlatformPreset.CANVAS), choice(PlatformPreset.CANVAS_BETA),
				choice(PlatformPreset.CANVAS_TEST),
				new PresetChoice("", "Other (Moodle, Brightspace, your own Canvas)"));

		static String id(PlatformPreset preset) {
			return preset.name().toLowerCase(Locale.ROOT);
		}

		static PlatformPreset find(String id) {
			if (id == null || id.isBlank()) {
				return null;
			}
			return Arrays.stream(PlatformPreset.values())
				.filter((preset) -> id(preset).equals(id.strip()))
				.findFirst()
				.orElse(null);
		}

		private static PresetChoice choice(PlatformPreset preset) {
			return new PresetChoice(id(preset), preset.label());
		}

	}

	/** What an LMS admin types into their platform about GuestPass. */
	record ToolUrls(String login, String launch, String jwks) {
	}

}
