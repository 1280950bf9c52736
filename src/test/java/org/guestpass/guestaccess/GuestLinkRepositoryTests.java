package org.guestpass.guestaccess;

import java.time.Instant;
import java.util.List;

import org.guestpass.RepositoryTest;
import org.guestpass.media.MediaType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one conditional {@code UPDATE} that counts an admission, on the test database with
 * the real schema (Flyway): it counts a click only while the link, its item, the item's
 * switch and the site's modules all allow one, and never past the link's limit.
 */
@RepositoryTest
@Import(GuestLinkRepository.class)
class GuestLinkRepositoryTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	@Autowired
	GuestLinkRepository links;

	@Autowired
	JdbcClient jdbc;

	private long owner;

	@BeforeEach
	void anOwner() {
		this.jdbc.sql("""
				insert into account (username, password_hash, role, created_at)
				values ('owner', 'not-a-hash', 'member', current_timestamp)
				""").update();
		this.owner = this.jdbc.sql("select id from account where username = 'owner'").query(Long.class).single();
	}

	@Test
	void countsClicksUpToTheLinksLimitAndNoFurther() {
		long link = link(item(MediaType.video, true), 2, null);

		assertThat(List.of(count(link), count(link), count(link))).containsExactly(true, true, false);
		assertThat(clicks(link)).isEqualTo(2);
	}

	@Test
	void countsEveryClickOfALinkWithoutALimit() {
		long link = link(item(MediaType.video, true), null, null);

		for (int i = 0; i < 5; i++) {
			assertThat(count(link)).as("click " + (i + 1)).isTrue();
		}
		assertThat(clicks(link)).isEqualTo(5);
	}

	@Test
	void countsNoClickFromTheMomentTheLinkExpires() {
		long link = link(item(MediaType.video, true), null, NOW);

		assertThat(this.links.countClick(link, NOW.minusSeconds(1))).as("a second before").isTrue();
		assertThat(this.links.countClick(link, NOW)).as("at the moment").isFalse();
		assertThat(this.links.countClick(link, NOW.plusSeconds(1))).as("a second after").isFalse();
		assertThat(clicks(link)).isEqualTo(1);
	}

	@Test
	void countsNoClickWhileTheItemsGuestAccessIsOff() {
		long link = link(item(MediaType.video, false), null, null);

		assertThat(count(link)).isFalse();
		assertThat(clicks(link)).isZero();
	}

	@Test
	void countsNoClickForADeletedItem() {
		long item = item(MediaType.video, true);
		long link = link(item, null, null);
		this.jdbc.sql("update media set deleted_at = current_timestamp where id = :id").param("id", item).update();

		assertThat(count(link)).isFalse();
		assertThat(clicks(link)).isZero();
	}

	@Test
	void countsClicksForExactlyTheTypesThatSupportGuestAccess() {
		for (MediaType type : MediaType.values()) {
			long link = link(item(type, true), null, null);

			assertThat(count(link)).as(type.name()).isEqualTo(type.supportsGuestAccess());
			assertThat(clicks(link)).as(type.name()).isEqualTo(type.supportsGuestAccess() ? 1 : 0);
		}
	}

	@Test
	void countsNoClickWhileAModuleGuestAccessNeedsIsOff() {
		long link = link(item(MediaType.video, true), null, null);
		for (String module : List.of("invitetomedia", "theming", "mediapage")) {
			this.jdbc.sql("update site_settings set " + module + " = false where id = 1").update();

			assertThat(count(link)).as(module + " off").isFalse();

			this.jdbc.sql("update site_settings set " + module + " = true where id = 1").update();
		}
		assertThat(count(link)).as("every module on").isTrue();
		assertThat(clicks(link)).isEqualTo(1);
	}

	@Test
	void countsNoClickForALinkThatDoesNotExist() {
		assertThat(this.links.countClick(Long.MAX_VALUE, NOW)).isFalse();
	}

	private boolean count(long link) {
		return this.links.countClick(link, NOW);
	}

	private long item(MediaType type, boolean guestAccessOn) {
		int inserted = this.jdbc.sql("""
				insert into media (owner_id, title, type, source_url, created_at, updated_at)
				values (:owner, :title, :type, 'https://stream.example.org/live', current_timestamp, current_timestamp)
				""")
			.param("owner", this.owner)
			.param("title", "An item of type " + type)
			.param("type", type.name())
			.update();
		assertThat(inserted).isEqualTo(1);
		long id = this.jdbc.sql("select max(id) from media").query(Long.class).single();
		this.jdbc.sql("""
				insert into guest_access (media_id, enabled, link_count, updated_at)
				values (:id, :enabled, 1, current_timestamp)
				""").param("id", id).param("enabled", guestAccessOn).update();
		return id;
	}

	private long link(long item, Integer maxClicks, Instant expiresAt) {
		return this.links.insert(item, "A link", "hash-of-" + item, "sealed-" + item, maxClicks, null, expiresAt,
				this.owner, NOW.minusSeconds(3600));
	}

	private int clicks(long link) {
		return this.jdbc.sql("select clicks from guest_link where id = :id")
			.param("id", link)
			.query(Integer.class)
			.single();
	}

}
