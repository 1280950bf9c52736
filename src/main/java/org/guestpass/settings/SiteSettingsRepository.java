package org.guestpass.settings;

import java.time.Instant;

import org.guestpass.system.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SiteSettingsRepository {

	private final JdbcClient jdbc;

	SiteSettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	SiteModules modules() {
		return this.jdbc.sql("""
				select invitetomedia, theming, mediapage
				  from site_settings
				 where id = 1
				""")
			.query((rs, row) -> new SiteModules(rs.getBoolean("invitetomedia"), rs.getBoolean("theming"),
					rs.getBoolean("mediapage")))
			.single();
	}

	GuestLinkPolicy policy() {
		return this.jdbc.sql("""
				select guest_links_lowest_role, max_links_per_item, max_duration_days
				  from site_settings
				 where id = 1
				""")
			.query((rs, row) -> new GuestLinkPolicy(
					GuestLinkPolicy.LowestRole.valueOf(rs.getString("guest_links_lowest_role")),
					rs.getInt("max_links_per_item"), rs.getInt("max_duration_days")))
			.single();
	}

	void saveModules(SiteModules modules, Instant now) {
		this.jdbc.sql("""
				update site_settings
				   set invitetomedia = :invitetomedia, theming = :theming, mediapage = :mediapage, updated_at = :now
				 where id = 1
				""")
			.param("invitetomedia", modules.invitetomedia())
			.param("theming", modules.theming())
			.param("mediapage", modules.mediapage())
			.param("now", Timestamps.utc(now))
			.update();
	}

	void savePolicy(GuestLinkPolicy policy, Instant now) {
		this.jdbc.sql("""
				update site_settings
				   set guest_links_lowest_role = :lowestRole, max_links_per_item = :maxLinks,
				       max_duration_days = :maxDays, updated_at = :now
				 where id = 1
				""")
			.param("lowestRole", policy.lowestRole().name())
			.param("maxLinks", policy.maxLinksPerItem())
			.param("maxDays", policy.maxDurationDays())
			.param("now", Timestamps.utc(now))
			.update();
	}

	LmsSettings lms() {
		return this.jdbc.sql("select lms_teaching_assistants, lms_course_end_ceiling from site_settings where id = 1")
			.query((rs, row) -> new LmsSettings(rs.getBoolean("lms_teaching_assistants"),
					rs.getBoolean("lms_course_end_ceiling")))
			.single();
	}

	void saveLms(LmsSettings lms, Instant now) {
		this.jdbc.sql("""
				update site_settings
				   set lms_teaching_assistants = :tas, lms_course_end_ceiling = :ceiling, updated_at = :now
				 where id = 1
				""")
			.param("tas", lms.teachingAssistantsManage())
			.param("ceiling", lms.courseEndCeiling())
			.param("now", Timestamps.utc(now))
			.update();
	}

}
