package org.guestpass.lti.web;

import jakarta.servlet.http.HttpServletResponse;
import org.guestpass.account.SignedIn;
import org.guestpass.lti.DynamicRegistration;
import org.guestpass.lti.Platform;
import org.guestpass.lti.PlatformConfiguration;
import org.guestpass.lti.Platforms;
import org.guestpass.system.GuestPassProperties;
import org.guestpass.system.HtmlRefusals;
import org.guestpass.system.Outcome;
import org.guestpass.system.Refusal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Dynamic Registration's pages (admins only, as the security configuration keeps
 * {@code /lti/register}): the LMS opens {@code /lti/register}, the admin sees what the
 * LMS is and what GuestPass will ask it for, and confirms; GuestPass registers itself and
 * tells the LMS it is done ({@code org.imsglobal.lti.close}).
 */
@Controller
class RegistrationController {

	private final DynamicRegistration registration;

	private final GuestPassProperties properties;

	RegistrationController(DynamicRegistration registration, GuestPassProperties properties) {
		this.registration = registration;
		this.properties = properties;
	}

	@GetMapping("/lti/register")
	String confirm(@RequestParam(name = "openid_configuration", required = false) String configurationUrl,
			@RequestParam(name = "registration_token", required = false) String registrationToken,
			HttpServletResponse response, Model model) {
		Outcome<PlatformConfiguration> read = this.registration.configuration(configurationUrl, registrationToken);
		if (read.isRefused()) {
			return refused(read.refusal(), response, model);
		}
		model.addAttribute("form",
				new RegistrationForm(read.value().suggestedName(), configurationUrl, registrationToken));
		return page(read.value(), model);
	}

	@PostMapping("/lti/register")
	String register(@ModelAttribute("form") RegistrationForm form, BindingResult errors,
			@AuthenticationPrincipal SignedIn admin, HttpServletResponse response, Model model) {
		Outcome<Platform> registered = this.registration.register(form.openidConfiguration(), form.registrationToken(),
				form.name(), baseUrl(), admin.actor());
		if (registered.isRefused()) {
			Refusal refusal = registered.refusal();
			Outcome<PlatformConfiguration> read = refusal.field().isPresent()
					? this.registration.configuration(form.openidConfiguration(), form.registrationToken()) : null;
			if (read == null || read.isRefused()) {
				return refused(refusal, response, model);
			}
			HtmlRefusals.answer(refusal, response);
			HtmlRefusals.reject(refusal, errors);
			return page(read.value(), model);
		}
		model.addAttribute("platform", registered.value());
		return "lti/registered";
	}

	private String page(PlatformConfiguration platform, Model model) {
		model.addAttribute("platform", platform);
		model.addAttribute("nameRule", Platforms.NAME);
		return "lti/register";
	}

	private static String refused(Refusal refusal, HttpServletResponse response, Model model) {
		HtmlRefusals.answer(refusal, response);
		model.addAttribute("refusal", refusal);
		return "lti/register-refused";
	}

	private String baseUrl() {
		return (this.properties.baseUrl() != null) ? this.properties.baseUrl().toString().replaceAll("/+$", "")
				: ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	/**
	 * The confirmation form: the registration's name, and what the LMS opened the page
	 * with.
	 */
	record RegistrationForm(String name, String openidConfiguration, String registrationToken) {
	}

}
