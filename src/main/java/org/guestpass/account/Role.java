package org.guestpass.account;

/**
 * What a signed-in person may do: an admin everything, a member their own media.
 */
public enum Role {

	admin, member;

	String authority() {
		return "ROLE_" + name().toUpperCase();
	}

}
