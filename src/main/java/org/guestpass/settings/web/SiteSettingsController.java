package org.guestpass.settings.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.guestpass.audit.Actor;
import org.guestpass.settings.GuestLinkPolicy;
import org.guestpass.settings.LmsSettings;
import org.guestpass.settings.SiteModules;
import org.guestpass.settings.SiteSettings;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's site settings page, which works without JavaScript: one form for the
 * modules guest access depends on, one for the guest link policy, one for how people from
 * an LMS are treated.
 * <p>
 * The forms hold what was typed, as text, so that anything a person can send comes back
 * next to its field with a readable message instead of a conversion error.
 */
@Controller
@RequestMapping("/admin/settings")
class SiteSettingsController {

	static final String CHOOSE_ON_OR_OFF = "Choose On or Off.";

	static final String CHOOSE_YES_OR_NO = "Choose Yes or No.";

	static final String CHOOSE_ROLE = "Choose Member or Admin.";

	static final String CHOOSE_TEACHING_ASSISTANTS = "Choose what teaching assistants may do.";

	static final String CHOOSE_COURSE_END = "Choose whether links end with the course.";

	private static final String TRUE_OR_FALSE = "true|false";

	private final SiteSettings settings;

	SiteSettingsController(SiteSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("modules", ModulesForm.of(this.settings.modules()));
		model.addAttribute("policy", PolicyForm.of(this.settings.policy()));
		model.addAttribute("lms", LmsForm.of(this.settings.lms()));
		return page(model);
	}

	@PostMapping("/lms")
	String processLmsForm(@Valid @ModelAttribute("lms") LmsForm form, BindingResult result, Principal admin,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (result.hasErrors()) {
			model.addAttribute("modules", ModulesForm.of(this.settings.modules()));
			model.addAttribute("policy", PolicyForm.of(this.settings.policy()));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model);
		}
		this.settings.changeLms(form.toLms(), Actor.user(admin.getName()));
		redirect.addFlashAttribute("message", "Saved the LMS settings.");
		return "redirect:/admin/settings";
	}

	@PostMapping("/modules")
	String processModulesForm(@Valid @ModelAttribute("modules") ModulesForm form, BindingResult result, Principal admin,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (result.hasErrors()) {
			model.addAttribute("policy", PolicyForm.of(this.settings.policy()));
			model.addAttribute("lms", LmsForm.of(this.settings.lms()));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model);
		}
		SiteModules modules = this.settings.changeModules(form.toModules(), Actor.user(admin.getName()));
		redirect.addFlashAttribute("message", modules.guestAccessAvailable()
				? "Saved the modules. Guest access is available."
				: "Saved the modules. Guest access is off until Invitetomedia and Theming are on and mediapage is Yes.");
		return "redirect:/admin/settings";
	}

	@PostMapping("/policy")
	String processPolicyForm(@Valid @ModelAttribute("policy") PolicyForm form, BindingResult result, Principal admin,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Integer links = GuestLinkPolicy.LINKS_PER_ITEM.read(form.maxLinksPerItem(), "maxLinksPerItem", result);
		Integer days = GuestLinkPolicy.DURATION_DAYS.read(form.maxDurationDays(), "maxDurationDays", result);
		if (result.hasErrors()) {
			model.addAttribute("modules", ModulesForm.of(this.settings.modules()));
			model.addAttribute("lms", LmsForm.of(this.settings.lms()));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model);
		}
		this.settings.changePolicy(
				new GuestLinkPolicy(GuestLinkPolicy.LowestRole.valueOf(form.lowestRole()), links, days),
				Actor.user(admin.getName()));
		redirect.addFlashAttribute("message", "Saved the guest link policy.");
		return "redirect:/admin/settings";
	}

	private String page(Model model) {
		model.addAttribute("guestAccessAvailable", this.settings.modules().guestAccessAvailable());
		return "admin/settings";
	}

	/** The modules as chosen: {@code "true"} or {@code "false"} each. */
	record ModulesForm(
			@NotNull(message = CHOOSE_ON_OR_OFF) @Pattern(regexp = TRUE_OR_FALSE,
					message = CHOOSE_ON_OR_OFF) String invitetomedia,
			@NotNull(message = CHOOSE_ON_OR_OFF) @Pattern(regexp = TRUE_OR_FALSE,
					message = CHOOSE_ON_OR_OFF) String theming,
			@NotNull(message = CHOOSE_YES_OR_NO) @Pattern(regexp = TRUE_OR_FALSE,
					message = CHOOSE_YES_OR_NO) String mediapage) {

		static ModulesForm of(SiteModules modules) {
			return new ModulesForm(String.valueOf(modules.invitetomedia()), String.valueOf(modules.theming()),
					String.valueOf(modules.mediapage()));
		}

		SiteModules toModules() {
			return new SiteModules(Boolean.parseBoolean(this.invitetomedia), Boolean.parseBoolean(this.theming),
					Boolean.parseBoolean(this.mediapage));
		}

	}

	/**
	 * The policy as typed; the numbers are text, read by the policy's number rules.
	 */
	record PolicyForm(
			@NotNull(message = CHOOSE_ROLE) @Pattern(regexp = "member|admin", message = CHOOSE_ROLE) String lowestRole,
			String maxLinksPerItem, String maxDurationDays) {

		static PolicyForm of(GuestLinkPolicy policy) {
			return new PolicyForm(policy.lowestRole().name(), String.valueOf(policy.maxLinksPerItem()),
					String.valueOf(policy.maxDurationDays()));
		}

	}

	/** The LMS settings as chosen: {@code "true"} or {@code "false"}. */
	record LmsForm(
			@NotNull(message = CHOOSE_TEACHING_ASSISTANTS) @Pattern(regexp = TRUE_OR_FALSE,
					message = CHOOSE_TEACHING_ASSISTANTS) String teachingAssistantsManage,
			@NotNull(message = CHOOSE_COURSE_END) @Pattern(regexp = TRUE_OR_FALSE,
					message = CHOOSE_COURSE_END) String courseEndCeiling) {

		static LmsForm of(LmsSettings lms) {
			return new LmsForm(String.valueOf(lms.teachingAssistantsManage()), String.valueOf(lms.courseEndCeiling()));
		}

		LmsSettings toLms() {
			return new LmsSettings(Boolean.parseBoolean(this.teachingAssistantsManage),
					Boolean.parseBoolean(this.courseEndCeiling));
		}

	}

}
