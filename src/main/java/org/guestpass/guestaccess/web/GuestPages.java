package org.guestpass.guestaccess.web;

import jakarta.servlet.http.HttpServletResponse;
import org.guestpass.guestaccess.EntryRefusal;
import org.guestpass.system.RateLimits;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every guest-facing page shares: the message page for a refusal, and headers that
 * keep capability pages out of caches and search engines.
 */
final class GuestPages {

	private GuestPages() {
	}

	static void protect(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
	}

	/**
	 * The message page for a client that went over a rate limit, with when to try again.
	 */
	static ModelAndView tooMany(RateLimits.Verdict verdict, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfter().toSeconds()));
		return message(EntryRefusal.TOO_MANY_ATTEMPTS, response);
	}

	static ModelAndView message(EntryRefusal refusal, HttpServletResponse response) {
		protect(response);
		response.setStatus(refusal.status().value());
		ModelAndView page = new ModelAndView("guest/message");
		page.addObject("refusal", refusal);
		return page;
	}

}
