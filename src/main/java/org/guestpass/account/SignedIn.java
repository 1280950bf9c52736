package org.guestpass.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.guestpass.audit.Actor;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * The signed-in person, whether through the sign-in form or an API token. Controllers
 * take it with {@code @AuthenticationPrincipal SignedIn me}.
 */
public final class SignedIn implements UserDetails, OAuth2AuthenticatedPrincipal, CredentialsContainer {

	private final long id;

	private final String username;

	private final Role role;

	private String passwordHash;

	private final String displayName;

	private final Instant courseEndsAt;

	SignedIn(long id, String username, Role role, String passwordHash) {
		this(id, username, role, passwordHash, null);
	}

	SignedIn(long id, String username, Role role, String passwordHash, String displayName) {
		this(id, username, role, passwordHash, displayName, null);
	}

	private SignedIn(long id, String username, Role role, String passwordHash, String displayName,
			Instant courseEndsAt) {
		this.id = id;
		this.username = username;
		this.role = role;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.courseEndsAt = courseEndsAt;
	}

	/**
	 * The same person, signed in from a course that ends then (an LMS launch's course
	 * end, or null for none): what they create there may be held to it.
	 */
	public SignedIn inCourseEndingAt(Instant courseEndsAt) {
		return new SignedIn(this.id, this.username, this.role, this.passwordHash, this.displayName, courseEndsAt);
	}

	/** When the course they were launched from ends, if they came from one that says. */
	public Optional<Instant> courseEndsAt() {
		return Optional.ofNullable(this.courseEndsAt);
	}

	/**
	 * The name pages greet them by: the name their LMS shares for a person from an LMS,
	 * otherwise their user name.
	 */
	public String displayName() {
		return (this.displayName != null) ? this.displayName : this.username;
	}

	public long id() {
		return this.id;
	}

	public Role role() {
		return this.role;
	}

	public boolean isAdmin() {
		return this.role == Role.admin;
	}

	@Override
	public String getName() {
		return this.username;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	/** This user as the audit trail records what they do. */
	public Actor actor() {
		return Actor.user(this.username);
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public Map<String, Object> getAttributes() {
		return Map.of("sub", this.username);
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public String toString() {
		return "SignedIn[" + this.username + "]";
	}

}
