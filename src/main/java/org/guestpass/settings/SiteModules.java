package org.guestpass.settings;

/**
 * The site modules guest access depends on.
 *
 * @param invitetomedia the Invitetomedia module
 * @param theming the Theming module
 * @param mediapage the Theming module's {@code mediapage} feature
 */
public record SiteModules(boolean invitetomedia, boolean theming, boolean mediapage) {

	/**
	 * The modules guest access needs: Invitetomedia on and Theming on with mediapage set
	 * to Yes. SQL that checks the rule in the database binds these.
	 */
	public static final SiteModules GUEST_ACCESS_NEEDS = new SiteModules(true, true, true);

	/**
	 * Guest access works only with every module it {@link #GUEST_ACCESS_NEEDS needs} on.
	 */
	public boolean guestAccessAvailable() {
		return (this.invitetomedia || !GUEST_ACCESS_NEEDS.invitetomedia)
				&& (this.theming || !GUEST_ACCESS_NEEDS.theming) && (this.mediapage || !GUEST_ACCESS_NEEDS.mediapage);
	}

}
