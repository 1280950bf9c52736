package org.guestpass.guestaccess;

import java.util.Optional;

import org.guestpass.system.Refusal;

import org.springframework.http.HttpStatus;

/**
 * Why a guest cannot get in: each reason has its own message page and HTTP status. The
 * message is the page's title; the advice says what to do next.
 */
public enum EntryRefusal implements Refusal {

	INVALID_LINK(HttpStatus.NOT_FOUND, "This link isn't valid",
			"Check that you copied the whole link, or ask the person who shared it for a new one."),
	ACCESS_OFF(HttpStatus.FORBIDDEN, "The owner has turned off guest access",
			"Guest access to this media is switched off. Ask the person who shared the link if they can turn it on again."),
	EXPIRED(HttpStatus.GONE, "This link has expired",
			"The link was only valid for a limited time. Ask the person who shared it for a new link."),
	USED_UP(HttpStatus.GONE, "This link has reached its limit",
			"The link has been used as many times as its owner allowed. Ask the person who shared it for a new link."),
	MEDIA_GONE(HttpStatus.GONE, "This media is no longer available",
			"The media behind this link was removed. Ask the person who shared the link if it is available elsewhere."),
	UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Guest access isn't available right now",
			"Guest access is switched off on this site for the moment. Please try again later or ask the person who shared the link."),
	SESSION_ENDED(HttpStatus.FORBIDDEN, "Your guest access has ended",
			"Open the guest link you were given again to continue."),
	TOO_MANY_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts",
			"Please wait a few minutes, then open the link you were given again.");

	private final HttpStatus status;

	private final String title;

	private final String advice;

	EntryRefusal(HttpStatus status, String title, String advice) {
		this.status = status;
		this.title = title;
		this.advice = advice;
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	/** The message page's title. */
	public String title() {
		return this.title;
	}

	@Override
	public String message() {
		return this.title;
	}

	/** A guest's refusal concerns no form field: it is a page of its own. */
	@Override
	public Optional<String> field() {
		return Optional.empty();
	}

	public String advice() {
		return this.advice;
	}

	/** The name used in the audit trail. */
	@Override
	public String code() {
		return name().toLowerCase();
	}

}
