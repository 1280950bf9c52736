package org.guestpass.guestaccess.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guestpass.guestaccess.Admissions;
import org.guestpass.guestaccess.EntryRefusal;
import org.guestpass.guestaccess.TextRules;
import org.guestpass.system.ClientAddress;
import org.guestpass.system.RateLimits;
import org.guestpass.system.RateLimits.Limit;
import org.guestpass.system.Tokens;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A guest link: {@code GET /g/{token}} shows the entry form and changes nothing;
 * {@code POST /g/{token}} admits the guest and sends them to their item.
 */
@Controller
class GuestEntryController {

	static final String INVALID_EMAIL = "Enter a valid email address, like name@example.com.";

	private final Admissions admissions;

	private final RateLimits limits;

	private final Clock clock;

	GuestEntryController(Admissions admissions, RateLimits limits, Clock clock) {
		this.admissions = admissions;
		this.limits = limits;
		this.clock = clock;
	}

	@GetMapping("/g/{token}")
	ModelAndView initEntryForm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
		String client = ClientAddress.of(request);
		RateLimits.Verdict prober = this.limits.reserve(Limit.UNKNOWN_GUEST_LINKS, client);
		if (!prober.allowed()) {
			return GuestPages.tooMany(prober, response);
		}
		Admissions.Entry entry = this.admissions.open(token, GuestCookie.read(request));
		settleMiss(entry.refusal(), client);
		return show(entry, token, new GuestForm("", ""), null, request, response);
	}

	@PostMapping("/g/{token}")
	ModelAndView processEntryForm(@PathVariable String token, @ModelAttribute("form") GuestForm form,
			HttpServletRequest request, HttpServletResponse response) {
		String client = ClientAddress.of(request);
		RateLimits.Verdict verdict = this.limits.reserve(Limit.UNKNOWN_GUEST_LINKS, client);
		if (!verdict.allowed()) {
			return GuestPages.tooMany(verdict, response);
		}
		// A limited link's posts are rationed by its click limit; its miss is reserved
		// above, so this lookup is rationed too.
		verdict = this.limits.reserveAdmission(Tokens.hash(String.valueOf(token)) + "@" + client,
				this.admissions.clickLimit(token).orElse(null));
		if (!verdict.allowed()) {
			// Refused before the token was looked at: no miss to count.
			this.limits.refund(Limit.UNKNOWN_GUEST_LINKS, client);
			return GuestPages.tooMany(verdict, response);
		}
		String session = GuestCookie.read(request);
		String name = TextRules.normalizeName(form.name());
		String email = TextRules.normalizeEmail(form.email());
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		if (!TextRules.isValidName(name)) {
			errors.rejectValue("name", "invalid", TextRules.GUEST_NAME.message());
		}
		if (!TextRules.isShortEnoughEmail(email)) {
			errors.rejectValue("email", "tooLong", TextRules.GUEST_EMAIL.message());
		}
		else if (!TextRules.isValidEmail(email)) {
			errors.rejectValue("email", "invalid", INVALID_EMAIL);
		}
		Admissions.Entry entry = errors.hasErrors() ? this.admissions.open(token, session)
				: this.admissions.admit(token, session, name, email);
		settleMiss(entry.refusal(), client);
		return show(entry, token, form, errors, request, response);
	}

	/**
	 * Where the entry leads: the guest's item (with their new cookie when they were just
	 * admitted), the refusal's message page, or the entry form again (400 when it has
	 * errors).
	 */
	private ModelAndView show(Admissions.Entry entry, String token, GuestForm form, BindingResult errors,
			HttpServletRequest request, HttpServletResponse response) {
		if (entry instanceof Admissions.Entry.Admitted admitted) {
			if (admitted.session() != null) {
				GuestCookie.write(request, response, admitted.session().token(), this.clock.instant(),
						admitted.session().expiresAt());
			}
			return toMedia(admitted.mediaId());
		}
		if (entry instanceof Admissions.Entry.Refused refused) {
			return GuestPages.message(refused.refusal(), response);
		}
		if (errors != null && errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return entryPage(token, ((Admissions.Entry.Form) entry).mediaTitle(), form, errors, response);
	}

	/**
	 * Every request reserved a miss before its token was looked up, so that a burst of
	 * guesses is stopped at the limit, not after it; a token that matched a link gives
	 * its reservation back.
	 */
	private void settleMiss(EntryRefusal refusal, String client) {
		if (refusal != EntryRefusal.INVALID_LINK) {
			this.limits.refund(Limit.UNKNOWN_GUEST_LINKS, client);
		}
	}

	private static ModelAndView entryPage(String token, String mediaTitle, GuestForm form, BindingResult errors,
			HttpServletResponse response) {
		GuestPages.protect(response);
		ModelAndView page = new ModelAndView("guest/entry");
		page.addObject("token", token);
		page.addObject("mediaTitle", mediaTitle);
		page.addObject("form", form);
		page.addObject("nameRule", TextRules.GUEST_NAME);
		page.addObject("emailRule", TextRules.GUEST_EMAIL);
		if (errors != null) {
			page.addObject(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		}
		return page;
	}

	private static ModelAndView toMedia(long mediaId) {
		RedirectView redirect = new RedirectView("/guest/media/" + mediaId, true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(redirect);
	}

	/** What the guest types: checked by hand, because NFKC normalisation comes first. */
	record GuestForm(String name, String email) {
	}

}
