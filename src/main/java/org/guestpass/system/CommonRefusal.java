package org.guestpass.system;

import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * Refusals that every module gives in the same words.
 */
public enum CommonRefusal implements Refusal {

	/**
	 * No such thing, or it is someone else's: the two are never told apart.
	 */
	NOT_FOUND("not_found", HttpStatus.NOT_FOUND, "No such resource, or it is not yours.");

	private final String code;

	private final HttpStatus status;

	private final String message;

	CommonRefusal(String code, HttpStatus status, String message) {
		this.code = code;
		this.status = status;
		this.message = message;
	}

	@Override
	public String code() {
		return this.code;
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public Optional<String> field() {
		return Optional.empty();
	}

	@Override
	public String message() {
		return this.message;
	}

}
