package org.guestpass.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The set-up an owner does, through GuestPass's own sign-in form and JSON API: sign in as
 * the first admin, take an API token, upload the video, switch guest access on and create
 * a link.
 */
final class Api {

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String base;

	private final HttpClient http;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private String bearer;

	Api(int port) {
		this.base = "http://127.0.0.1:" + port;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * Signs in through the login form, then takes a personal API token for everything
	 * else.
	 */
	void signIn(String username, String password) throws IOException, InterruptedException {
		HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(this.base + "/login")).GET());
		Matcher csrf = CSRF_FIELD.matcher(form.body());
		if (form.statusCode() != 200 || !csrf.find()) {
			throw new IllegalStateException("The login page did not load: HTTP " + form.statusCode());
		}
		String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException(
					"Signing in as " + username + " failed: HTTP " + signedIn.statusCode() + " to " + location);
		}
		// Signing in renews the session's CSRF token; a signed-in page carries it for
		// scripts.
		HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(this.base + "/media")).GET());
		Matcher meta = CSRF_META.matcher(page.body());
		if (!meta.find()) {
			throw new IllegalStateException("No CSRF token on the media page after signing in");
		}
		HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/me/tokens"))
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", meta.group(1))
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}")));
		this.bearer = field(expect(token, 201, "creating an API token"), "token");
	}

	/** Uploads a video as multipart, streamed from the file; its id. */
	long uploadVideo(Path file, String title) throws IOException, InterruptedException {
		String boundary = "----guestpass-bench-" + System.nanoTime();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.webm\"\r\n"
				+ "Content-Type: video/webm\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
				HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofString(tail));
		HttpResponse<String> created = send(api("/api/v1/media").timeout(Duration.ofMinutes(10))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(body));
		return Long.parseLong(field(expect(created, 201, "uploading the video"), "id"));
	}

	void enableGuestAccess(long mediaId) throws IOException, InterruptedException {
		expect(send(api("/api/v1/media/" + mediaId + "/guest-access").header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":true}"))), 200, "switching guest access on");
	}

	/** Creates a guest link without limits; its token (the last part of its URL). */
	String createLink(long mediaId, String name) throws IOException, InterruptedException {
		HttpResponse<String> created = send(
				api("/api/v1/media/" + mediaId + "/guest-links").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")));
		String url = field(expect(created, 201, "creating a guest link"), "url");
		return url.substring(url.lastIndexOf('/') + 1);
	}

	private HttpRequest.Builder api(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + this.bearer)
			.header("Accept", "application/json");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String expect(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(what + " failed: HTTP " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private static String field(String json, String name) {
		JsonNode value = JSON.readTree(json).get(name);
		if (value == null || value.isNull()) {
			throw new IllegalStateException("No \"" + name + "\" in " + json);
		}
		return value.asString();
	}

}
