package org.guestpass;

import org.guestpass.audit.Actor;
import org.guestpass.settings.GuestLinkPolicy;
import org.guestpass.settings.LmsSettings;
import org.guestpass.settings.SiteModules;
import org.guestpass.settings.SiteSettings;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Puts the shared application back as every test expects to find it: after each test, the
 * site's modules and guest link policy are the defaults again (changed back only when a
 * test changed them) and the {@link MutableClock} shows the real time. Every
 * {@link IntegrationTest} has it, so no test class restores them by hand.
 */
public class SiteAndClockReset implements AfterEachCallback {

	/** The modules of a new site: every one on. */
	public static final SiteModules DEFAULT_MODULES = new SiteModules(true, true, true);

	/** The guest link policy of a new site. */
	public static final GuestLinkPolicy DEFAULT_POLICY = new GuestLinkPolicy(GuestLinkPolicy.LowestRole.member,
			GuestLinkPolicy.MOST_LINKS_PER_ITEM, 365);

	@Override
	public void afterEach(ExtensionContext extension) {
		ApplicationContext context = SpringExtension.getApplicationContext(extension);
		SiteSettings settings = context.getBean(SiteSettings.class);
		if (!settings.modules().equals(DEFAULT_MODULES)) {
			settings.changeModules(DEFAULT_MODULES, Actor.user("test"));
		}
		if (!settings.lms().equals(LmsSettings.DEFAULT)) {
			settings.changeLms(LmsSettings.DEFAULT, Actor.user("test"));
		}
		if (!settings.policy().equals(DEFAULT_POLICY)) {
			settings.changePolicy(DEFAULT_POLICY, Actor.user("test"));
		}
		context.getBean(MutableClock.class).reset();
	}

}
