package org.guestpass.settings;

import java.time.Clock;

import org.guestpass.audit.Actor;
import org.guestpass.audit.AuditAction;
import org.guestpass.audit.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the site's modules, guest link policy and LMS settings.
 */
@Service
public class SiteSettings {

	private final SiteSettingsRepository repository;

	private final AuditLog audit;

	private final Clock clock;

	SiteSettings(SiteSettingsRepository repository, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	public SiteModules modules() {
		return this.repository.modules();
	}

	public GuestLinkPolicy policy() {
		return this.repository.policy();
	}

	@Transactional
	public SiteModules changeModules(SiteModules modules, Actor actor) {
		this.repository.saveModules(modules, this.clock.instant());
		this.audit.record(actor, AuditAction.MODULES_CHANGED, null, null, AuditLog.OK, "invitetomedia="
				+ modules.invitetomedia() + ", theming=" + modules.theming() + ", mediapage=" + modules.mediapage());
		return modules;
	}

	@Transactional
	public GuestLinkPolicy changePolicy(GuestLinkPolicy policy, Actor actor) {
		this.repository.savePolicy(policy, this.clock.instant());
		this.audit.record(actor, AuditAction.POLICY_CHANGED, null, null, AuditLog.OK,
				"lowestRole=" + policy.lowestRole() + ", maxLinksPerItem=" + policy.maxLinksPerItem()
						+ ", maxDurationDays=" + policy.maxDurationDays());
		return policy;
	}

	public LmsSettings lms() {
		return this.repository.lms();
	}

	@Transactional
	public LmsSettings changeLms(LmsSettings lms, Actor actor) {
		this.repository.saveLms(lms, this.clock.instant());
		this.audit.record(actor, AuditAction.LMS_SETTINGS_CHANGED, null, null, AuditLog.OK, "teachingAssistantsManage="
				+ lms.teachingAssistantsManage() + ", courseEndCeiling=" + lms.courseEndCeiling());
		return lms;
	}

}
