package org.guestpass.guestaccess;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.guestpass.Fixtures;
import org.guestpass.Fixtures.Person;
import org.guestpass.IntegrationTest;
import org.guestpass.MutableClock;
import org.guestpass.audit.Actor;
import org.guestpass.media.MediaType;
import org.guestpass.settings.SiteModules;
import org.guestpass.settings.SiteSettings;
import org.guestpass.system.Timestamps;
import org.guestpass.system.Tokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of who may be admitted are owned by {@link MediaType} and
 * {@link SiteModules}; the admission's one conditional update checks them again in the
 * database. For every type and every combination of the three modules, the database takes
 * a click exactly when the Java rules allow one, and admission admits exactly then.
 */
@IntegrationTest
class AdmissionRulesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GuestLinkRepository links;

	@Autowired
	Admissions admissions;

	@Autowired
	SiteSettings settings;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theDatabaseAndTheJavaRulesAgreeOnEveryTypeAndEveryModuleCombination() {
		Person owner = this.fixtures.member(this.port);
		List<String> disagreements = new ArrayList<>();
		int admitted = 0;
		for (SiteModules modules : everyModuleCombination()) {
			this.settings.changeModules(modules, Actor.user("test"));
			for (MediaType type : MediaType.values()) {
				boolean allowed = type.supportsGuestAccess() && modules.guestAccessAvailable();
				Link link = linkOn(owner, type);
				// A click the update would take, rolled back: the product never leaves
				// a click without its guest session, and neither may this test.
				boolean clicked = Boolean.TRUE.equals(this.transactions.execute((status) -> {
					status.setRollbackOnly();
					return this.links.countClick(link.id(), this.clock.instant());
				}));
				if (clicked != allowed) {
					disagreements.add(type + " with " + modules + ": the database " + (clicked ? "took" : "refused")
							+ " a click");
				}
				Link fresh = linkOn(owner, type);
				Admissions.Entry admission = this.admissions.admit(fresh.token(), null, "Rule walker",
						"walker@example.org");
				boolean entered = admission instanceof Admissions.Entry.Admitted;
				if (entered != allowed) {
					disagreements.add(type + " with " + modules + ": admission " + admission);
				}
				admitted += entered ? 1 : 0;
			}
		}
		assertThat(disagreements).isEmpty();
		assertThat(admitted).as("one combination of modules admits every supported type")
			.isEqualTo(MediaType.guestAccessible().size());
	}

	@Test
	void theTypesThatSupportGuestAccessAreAllButChannelRooms() {
		Map<MediaType, Boolean> supported = new EnumMap<>(MediaType.class);
		for (MediaType type : MediaType.values()) {
			supported.put(type, MediaType.guestAccessible().contains(type.name()));
		}
		assertThat(supported).containsEntry(MediaType.video, true)
			.containsEntry(MediaType.live_session, true)
			.containsEntry(MediaType.room, true)
			.containsEntry(MediaType.channel_room, false);
	}

	private static List<SiteModules> everyModuleCombination() {
		List<SiteModules> combinations = new ArrayList<>();
		for (int bits = 0; bits < 8; bits++) {
			combinations.add(new SiteModules((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0));
		}
		return combinations;
	}

	/**
	 * An item of this type with guest access on and one unlimited link, written straight
	 * into the database: the API refuses guest access for channel rooms, and the point is
	 * what the database does when such a link exists.
	 */
	private Link linkOn(Person owner, MediaType type) {
		Instant now = this.clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into media (owner_id, title, type, source_url, created_at, updated_at)
				values (:owner, :title, :type, :url, :now, :now)
				""")
			.param("owner", owner.id())
			.param("title", "A " + type)
			.param("type", type.name())
			.param("url", type.isLinked() ? "https://meet.example.org/walk" : null)
			.param("now", Timestamps.utc(now))
			.update(key, "id");
		long mediaId = key.getKey().longValue();
		this.jdbc.sql("""
				insert into guest_access (media_id, enabled, link_count, updated_at)
				values (:mediaId, true, 1, :now)
				""").param("mediaId", mediaId).param("now", Timestamps.utc(now)).update();
		String token = Tokens.generate();
		long linkId = this.links.insert(mediaId, "Walk", Tokens.hash(token), "unrecoverable", null, null, null,
				owner.id(), now);
		return new Link(linkId, token);
	}

	private record Link(long id, String token) {
	}

}
