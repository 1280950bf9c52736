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
	 * Guest access works only with Invitetomedia on and Theming on with mediapage set to
	 * Yes.
	 */
	public boolean guestAccessAvailable() {
		return this.invitetomedia && this.theming && this.mediapage;
	}

}
