package org.guestpass.audit;

import java.util.Objects;

/**
 * Who did what an audit event records, as the trail stores it.
 *
 * @param stored the text kept in the trail
 */
public record Actor(String stored) {

	/** A guest not yet admitted, known by no session. */
	private static final Actor GUEST = new Actor("guest");

	public Actor {
		Objects.requireNonNull(stored, "stored");
	}

	/** A signed-in user, by username. */
	public static Actor user(String username) {
		return new Actor(username);
	}

	/** GuestPass itself, such as when it creates the first admin at start-up. */
	public static Actor system() {
		return new Actor("system");
	}

	/**
	 * An LMS platform, by its issuer, such as when a person's first launch from it makes
	 * their account.
	 */
	public static Actor platform(String issuer) {
		return new Actor("lms " + issuer);
	}

	/** Demo mode, which adds its member and items on a site without media. */
	public static Actor demoMode() {
		return new Actor("demo mode");
	}

	/** A guest before admission, such as one refused at a link. */
	public static Actor guest() {
		return GUEST;
	}

	/** An admitted guest, by the number of their guest session. */
	public static Actor guestSession(long sessionId) {
		return new Actor("guest #" + sessionId);
	}

}
