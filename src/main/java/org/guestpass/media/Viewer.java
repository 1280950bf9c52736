package org.guestpass.media;

import java.time.Instant;

import org.guestpass.account.SignedIn;

/**
 * Who asks for media: members see their own items, admins every item.
 *
 * @param accountId their account
 * @param username their user name
 * @param admin whether they are an admin
 * @param courseEndsAt when the LMS course they were launched from ends, or null
 */
public record Viewer(long accountId, String username, boolean admin, Instant courseEndsAt) {

	public Viewer(long accountId, String username, boolean admin) {
		this(accountId, username, admin, null);
	}

	public static Viewer of(SignedIn signedIn) {
		return new Viewer(signedIn.id(), signedIn.getUsername(), signedIn.isAdmin(),
				signedIn.courseEndsAt().orElse(null));
	}

	public boolean mayManage(MediaItem item) {
		return this.admin || item.ownerId() == this.accountId;
	}

}
