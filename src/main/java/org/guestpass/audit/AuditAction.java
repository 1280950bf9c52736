package org.guestpass.audit;

/**
 * What an audit event records; its stored value is the text kept in the trail and shown
 * on the audit page and in the API.
 */
public enum AuditAction {

	/** An admin created an account. */
	ACCOUNT_CREATED,

	/** An admin changed an account's role or guest-link permission. */
	ACCOUNT_CHANGED,

	/** An admin disabled an account. */
	ACCOUNT_DISABLED,

	/** An admin enabled an account. */
	ACCOUNT_ENABLED,

	/** An admin reset an account's password. */
	PASSWORD_RESET,

	/** Every API token of an account was revoked. */
	API_TOKENS_REVOKED,

	/** One API token was revoked. */
	API_TOKEN_REVOKED,

	/** An owner added an item. */
	MEDIA_ADDED,

	/** An owner changed a live session. */
	LIVE_SESSION_CHANGED,

	/** An owner deleted an item. */
	MEDIA_DELETED,

	/** An owner added captions to an item. */
	CAPTIONS_ADDED,

	/** An owner removed captions from an item. */
	CAPTIONS_REMOVED,

	/** An owner added a poster to an item. */
	POSTER_ADDED,

	/** An owner removed an item's poster. */
	POSTER_REMOVED,

	/** An owner turned guest access of an item on. */
	GUEST_ACCESS_ENABLED,

	/** An owner turned guest access of an item off. */
	GUEST_ACCESS_DISABLED,

	/** An owner created a guest link, or was refused one. */
	LINK_CREATED,

	/** An owner deleted a guest link. */
	LINK_DELETED,

	/** A guest was admitted through a link, or refused. */
	ADMISSION,

	/** An admin changed the site's modules. */
	MODULES_CHANGED,

	/** An admin changed the guest-link policy. */
	POLICY_CHANGED,

	/** An admin changed how people from an LMS are treated. */
	LMS_SETTINGS_CHANGED,

	/** An admin registered an LMS platform, or a platform registered itself. */
	LTI_PLATFORM_ADDED,

	/** An admin changed a platform's registration. */
	LTI_PLATFORM_CHANGED,

	/** An admin removed a platform's registration. */
	LTI_PLATFORM_REMOVED,

	/** A new LTI signing key was made. */
	LTI_KEY_ADDED,

	/** An LTI key that no longer signed was retired. */
	LTI_KEY_RETIRED;

	/** The text stored in the trail, such as {@code account_created}. */
	public String stored() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
