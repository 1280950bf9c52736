package org.guestpass;

import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.account.Account;
import org.guestpass.account.Accounts;
import org.guestpass.account.ApiTokens;
import org.guestpass.account.Role;
import org.guestpass.audit.Actor;
import org.guestpass.system.Outcome;

/**
 * Builds what integration tests start from: people with API tokens, media items, guest
 * links.
 */
public class Fixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	/**
	 * A tiny MP4 file: the "ftyp" box GuestPass recognises, then bytes a player would
	 * read.
	 */
	public static final byte[] MP4 = mp4(4096);

	private final Accounts accounts;

	private final ApiTokens tokens;

	public Fixtures(Accounts accounts, ApiTokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	public Person member(int port) {
		return person(port, Role.member);
	}

	public Person admin(int port) {
		return person(port, Role.admin);
	}

	private Person person(int port, Role role) {
		String username = role.name() + "-" + SEQUENCE.incrementAndGet();
		String password = "password-of-" + username;
		Outcome<Account> creation = this.accounts.create(username, password, role, Actor.user("test"));
		if (creation.refusal() != null) {
			throw new IllegalStateException(creation.refusal().code());
		}
		String token = this.tokens.issue(creation.value().id(), "tests").token();
		return new Person(creation.value().id(), username, password, TestClient.api(port, token));
	}

	private static byte[] mp4(int size) {
		byte[] bytes = new byte[size];
		byte[] header = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2' };
		System.arraycopy(header, 0, bytes, 0, header.length);
		for (int i = header.length; i < size; i++) {
			bytes[i] = (byte) (i % 251);
		}
		return bytes;
	}

	/** Someone signed in through the API, with their own API client. */
	public record Person(long id, String username, String password, TestClient api) {

		/**
		 * Creates a live session (a linked item, no upload needed) and returns its id.
		 */
		public long liveSession(String title) {
			return createLinked(title, "live_session");
		}

		public long createLinked(String title, String type) {
			TestClient.Response created = this.api.json("POST", "/api/v1/media", "{\"title\":\"" + title
					+ "\",\"type\":\"" + type + "\",\"url\":\"https://stream.example.org/live\"}");
			if (created.status() != 201) {
				throw new IllegalStateException("Could not create media: " + created.status() + " " + created.body());
			}
			return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		}

		public void enableGuestAccess(long mediaId) {
			TestClient.Response response = this.api.json("PUT", "/api/v1/media/" + mediaId + "/guest-access",
					"{\"enabled\":true}");
			if (response.status() != 200) {
				throw new IllegalStateException("Could not enable guest access: " + response.body());
			}
		}

		/** Creates a link and returns its JSON. */
		public TestClient.Response createLink(long mediaId, String json) {
			return this.api.json("POST", "/api/v1/media/" + mediaId + "/guest-links", json);
		}

		/** A shared item with guest access on and one link; returns the link's URL. */
		public GuestLinkFixture sharedLink(String linkJson) {
			long mediaId = liveSession("Shared item " + SEQUENCE.incrementAndGet());
			enableGuestAccess(mediaId);
			TestClient.Response link = createLink(mediaId, linkJson);
			if (link.status() != 201) {
				throw new IllegalStateException("Could not create link: " + link.body());
			}
			return new GuestLinkFixture(mediaId, ((Number) JsonPath.read(link.body(), "$.id")).longValue(),
					JsonPath.read(link.body(), "$.url"));
		}

	}

	public record GuestLinkFixture(long mediaId, long linkId, String url) {

		public String path() {
			return this.url.substring(this.url.indexOf("/g/"));
		}

	}

}
