package org.guestpass.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What guests' browsers send, as load clients. Every guest comes from an address of its
 * own, passed in {@code X-Forwarded-For} as the load balancer in front of GuestPass would
 * (loopback is one of the proxies GuestPass trusts by default): so each admission is a
 * new guest on a new address, and the per-address and per-link-and-address rate limits
 * apply as they do in production, without being what is measured.
 */
final class Guests {

	static final String COOKIE = "GUESTPASS_GUEST";

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String ACCEPT_HTML = "Accept: text/html,application/xhtml+xml,*/*;q=0.8";

	private static final AtomicInteger GUESTS = new AtomicInteger(1 << 8);

	private Guests() {
	}

	/** A new guest: a number for their name and a private address of their own. */
	static int next() {
		return GUESTS.incrementAndGet();
	}

	static String address(int guest) {
		return "10." + ((guest >> 16) & 0xff) + "." + ((guest >> 8) & 0xff) + "." + (guest & 0xff);
	}

	/**
	 * A guest opens the link (GET: the entry form, with its session cookie and CSRF
	 * field), then submits their name and email (POST). A link that refuses already on
	 * opening ends the attempt there.
	 */
	static Attempt attempt(HttpConnection http, String token, int guest) throws IOException, Load.Unexpected {
		String address = "X-Forwarded-For: " + address(guest);
		HttpConnection.Response entry = http.get("/g/" + token, List.of(ACCEPT_HTML, address), true);
		if (entry.status() != 200) {
			if (entry.status() == 410 || entry.status() == 404 || entry.status() == 403) {
				return new Attempt(entry.status(), null, null);
			}
			throw new Load.Unexpected(entry.status(), "opening a link");
		}
		// The form's CSRF token lives in the server-side session the entry page started.
		String session = entry.cookie("SESSION");
		Matcher field = CSRF_FIELD.matcher(entry.text());
		if (session == null || !field.find()) {
			throw new Load.Unexpected(entry.status(), "an entry page without its session cookie or CSRF field");
		}
		byte[] form = ("name=Guest+" + guest + "&email=guest-" + guest + "%40example.org&_csrf="
				+ URLEncoder.encode(field.group(1), StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.US_ASCII);
		HttpConnection.Response admitted = http.send("POST", "/g/" + token, List.of(ACCEPT_HTML, address,
				"Content-Type: application/x-www-form-urlencoded", "Cookie: SESSION=" + session), form, false);
		return new Attempt(admitted.status(), admitted.cookie(COOKIE), admitted.header("Location"));
	}

	static Admitted admit(HttpConnection http, String token) throws IOException, Load.Unexpected {
		int guest = next();
		Attempt attempt = attempt(http, token, guest);
		if (attempt.status() != 303 || attempt.cookie() == null || attempt.location() == null) {
			throw new Load.Unexpected(attempt.status(), "an admission");
		}
		String location = attempt.location();
		return new Admitted(guest, attempt.cookie(), Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
	}

	/** Admission after admission, each by a new guest on a link the supplier picks. */
	static Load.Client admissions(int port, Supplier<String> tokens) {
		return overOneConnection(port, (http) -> {
			Attempt attempt = attempt(http, tokens.get(), next());
			if (attempt.status() != 303 || attempt.cookie() == null) {
				throw new Load.Unexpected(attempt.status(), "an admission");
			}
			return 0;
		});
	}

	/** An admitted guest loading their media page again and again. */
	static Load.Client pageLoads(int port, Admitted guest) {
		return gets(port, "/guest/media/" + guest.mediaId(), 200, List.of(ACCEPT_HTML,
				"X-Forwarded-For: " + address(guest.guest()), "Cookie: " + COOKIE + "=" + guest.cookie()));
	}

	/** The cheapest request the server answers: a static file. */
	static Load.Client staticFile(int port, String path) {
		return gets(port, path, 200, List.of("Accept: text/css,*/*;q=0.1"));
	}

	/**
	 * A video player seeking: ranges of {@code rangeBytes} at random offsets of a file of
	 * {@code fileSize} bytes, each read to its end and thrown away.
	 */
	static Load.Client ranges(int port, String path, List<String> headers, long fileSize, long rangeBytes) {
		return overOneConnection(port, (http) -> {
			long start = ThreadLocalRandom.current().nextLong(Math.max(1, fileSize - rangeBytes));
			long end = Math.min(fileSize, start + rangeBytes) - 1;
			List<String> all = new ArrayList<>(headers);
			all.add("Range: bytes=" + start + "-" + end);
			HttpConnection.Response response = http.get(path, all, false);
			if (response.status() != 206 || response.length() != end - start + 1) {
				throw new Load.Unexpected(response.status(),
						"a range of " + (end - start + 1) + " bytes came as " + response.length());
			}
			return response.length();
		});
	}

	private static Load.Client gets(int port, String path, int status, List<String> headers) {
		return overOneConnection(port, (http) -> {
			HttpConnection.Response response = http.get(path, headers, false);
			if (response.status() != status) {
				throw new Load.Unexpected(response.status(), "GET " + path.replaceAll("/\\d+", "/{id}"));
			}
			return response.length();
		});
	}

	private static Load.Client overOneConnection(int port, Operation operation) {
		HttpConnection http = new HttpConnection("127.0.0.1", port);
		return new Load.Client() {
			@Override
			public long call() throws Exception {
				return operation.call(http);
			}

			@Override
			public void reset() {
				http.close();
			}

			@Override
			public void close() {
				http.close();
			}
		};
	}

	/**
	 * How an attempt to be admitted ended: 303 with the guest's cookie, or the refusal's
	 * status.
	 */
	record Attempt(int status, String cookie, String location) {
	}

	/** A guest admitted for good, for the page and streaming scenarios. */
	record Admitted(int guest, String cookie, long mediaId) {
	}

	/**
	 * One operation of a client that keeps one connection, opened again after a failure.
	 */
	private interface Operation {

		long call(HttpConnection http) throws Exception;

	}

}
