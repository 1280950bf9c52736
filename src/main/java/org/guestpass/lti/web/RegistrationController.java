package org.guestpass.lti.web;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.guestpass.account.SignedIn;
import org.guestpass.lti.DynamicRegistration;
import org.guestpass.lti.Platform;
import org.guestpass.lti.PlatformConfiguration;
import org.guestpass.lti.Platforms;
import org.guestpass.lti.RegistrationRefusal;
import org.guestpass.system.HtmlRefusals;
import org.guestpass.system.Outcome;
import org.guestpass.system.PublicAddress;
import org.guestpass.system.Refusal;
import org.guestpass.system.ServerSecret;
import org.guestpass.system.Tokens;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Dynamic Registration's pages (admins only, as the security configuration keeps
 * {@code /lti/register}): the LMS opens {@code /lti/register}, the admin sees what the
 * LMS is and what GuestPass will ask it for, and confirms; GuestPass registers itself and
 * tells the LMS it is done ({@code org.imsglobal.lti.close}).
 */
@Controller
class RegistrationController {

	private static final String PENDING = RegistrationController.class.getName() + ".pending";

	private final DynamicRegistration registration;

	private final PublicAddress address;

	private final ServerSecret secret;

	RegistrationController(DynamicRegistration registration, PublicAddress address, ServerSecret secret) {
		this.secret = secret;
		this.registration = registration;
		this.address = address;
	}

	@GetMapping("/lti/register")
	String confirm(@RequestParam(name = "openid_configuration", required = false) String configurationUrl,
			@RequestParam(name = "registration_token", required = false) String registrationToken, HttpSession session,
			HttpServletResponse response, Model model) {
		Outcome<PlatformConfiguration> read = this.registration.configuration(configurationUrl, registrationToken);
		if (read.isRefused()) {
			return refused(read.refusal(), response, model);
		}
		// What the admin confirms is what is registered: the configuration and the token
		// (sealed) stay in the session, the page holds only a handle to them.
		String handle = Tokens.generate();
		Map<String, Pending> pending = pending(session);
		pending.put(handle,
				new Pending(read.value(), (registrationToken != null) ? this.secret.seal(registrationToken) : null));
		session.setAttribute(PENDING, pending);
		model.addAttribute("form", new RegistrationForm(read.value().suggestedName(), handle));
		return page(read.value(), model);
	}

	@PostMapping("/lti/register")
	String register(@ModelAttribute("form") RegistrationForm form, BindingResult errors,
			@AuthenticationPrincipal SignedIn admin, HttpSession session, HttpServletResponse response, Model model) {
		Map<String, Pending> pending = pending(session);
		Pending confirmed = (form.registration() != null) ? pending.get(form.registration()) : null;
		if (confirmed == null) {
			return refused(RegistrationRefusal.EXPIRED, response, model);
		}
		String token = (confirmed.sealedToken() != null) ? this.secret.unseal(confirmed.sealedToken()) : null;
		Outcome<Platform> registered = this.registration.register(confirmed.configuration(), token, form.name(),
				baseUrl(), admin.actor());
		if (registered.isRefused() && registered.refusal().field().isPresent()
				&& registered.refusal().kind() != RegistrationRefusal.NOT_KEPT) {
			// A name to type again: the same registration may still be sent.
			HtmlRefusals.answer(registered.refusal(), response);
			HtmlRefusals.reject(registered.refusal(), errors);
			return page(confirmed.configuration(), model);
		}
		pending.remove(form.registration());
		session.setAttribute(PENDING, pending);
		if (registered.isRefused()) {
			return refused(registered.refusal(), response, model);
		}
		model.addAttribute("platform", registered.value());
		return "lti/registered";
	}

	/**
	 * The registrations this session was shown and has not sent, as a copy: a change is
	 * kept by setting it again, which is what the database-backed session stores.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Pending> pending(HttpSession session) {
		Object held = session.getAttribute(PENDING);
		return (held instanceof Map<?, ?> map) ? new HashMap<>((Map<String, Pending>) map) : new HashMap<>();
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
		return this.address.base();
	}

	/**
	 * The confirmation form: the registration's name, and the handle of what the admin
	 * confirms.
	 */
	record RegistrationForm(String name, String registration) {
	}

	/**
	 * A registration shown to the admin and not yet sent: the platform's configuration as
	 * read, and its registration token sealed under the server secret (sessions live in
	 * the database, where a token must be worthless).
	 */
	record Pending(PlatformConfiguration configuration, String sealedToken) implements Serializable {
	}

}
