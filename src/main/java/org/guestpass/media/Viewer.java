package org.guestpass.media;

import org.guestpass.account.SignedIn;

/**
 * Who asks for media: members see their own items, admins every item.
 */
public record Viewer(long accountId, String username, boolean admin) {

	public static Viewer of(SignedIn signedIn) {
		return new Viewer(signedIn.id(), signedIn.getUsername(), signedIn.isAdmin());
	}

	public boolean mayManage(MediaItem item) {
		return this.admin || item.ownerId() == this.accountId;
	}

}
