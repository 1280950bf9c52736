package org.guestpass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/**
 * A small HTTP client for tests against the running server: one instance is one browser
 * (its own cookies) or one API client (its own bearer token). It never follows redirects,
 * so tests see them.
 */
public final class TestClient {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	private final String base;

	private final String bearer;

	private final HttpClient http;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private String csrf;

	/**
	 * This client's own address, as a trusted proxy in front of GuestPass would pass it
	 * on.
	 */
	private final String address;

	private TestClient(String base, String bearer, String address) {
		this.base = base;
		this.bearer = bearer;
		this.address = address;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** A browser with no cookies. */
	public static TestClient browser(int port) {
		return browserAt(port, address(ADDRESSES.incrementAndGet()));
	}

	/**
	 * A new browser, signed in through the login form; fails the test unless the form
	 * accepted the person and sent them on to their media.
	 */
	public static TestClient signedIn(int port, String username, String password) {
		TestClient browser = browser(port);
		Response signedIn = browser.signIn(username, password);
		if (signedIn.status() != 302 || signedIn.header("Location") == null
				|| !signedIn.header("Location").endsWith("/media")) {
			throw new AssertionError(
					"Signing in " + username + " answered " + signedIn.status() + " to " + signedIn.header("Location"));
		}
		return browser;
	}

	/**
	 * A browser with no cookies at this client address (several browsers behind one
	 * address).
	 */
	public static TestClient browserAt(int port, String address) {
		return new TestClient("http://localhost:" + port, null, address);
	}

	/** An API client sending {@code Authorization: Bearer token}. */
	public static TestClient api(int port, String token) {
		return new TestClient("http://localhost:" + port, token, address(ADDRESSES.incrementAndGet()));
	}

	/** A fresh address no other client uses. */
	public static String newAddress() {
		return address(ADDRESSES.incrementAndGet());
	}

	public Response get(String pathOrUrl) {
		return send(request(pathOrUrl).GET());
	}

	public Response get(String pathOrUrl, String header, String value) {
		return send(request(pathOrUrl).header(header, value).GET());
	}

	public Response head(String pathOrUrl) {
		return send(request(pathOrUrl).method("HEAD", HttpRequest.BodyPublishers.noBody()));
	}

	/** Posts a form with the CSRF token of the last page this browser loaded. */
	public Response postForm(String pathOrUrl, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (this.csrf != null) {
			all.put("_csrf", this.csrf);
		}
		String body = all.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(pathOrUrl).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Signs this browser in through the login form; the response is the form's redirect.
	 */
	public Response signIn(String username, String password) {
		get("/login");
		return postForm("/login", Map.of("username", username, "password", password));
	}

	/**
	 * Posts a multipart form: the text fields in their order, then the file as the part
	 * "file".
	 */
	public Response postMultipart(String path, Map<String, String> fields, String filename, String contentType,
			byte[] file) {
		String boundary = "----guestpass" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\n\r\n" + field.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/**
	 * GETs as bytes, with this client's cookies and the given header name/value pairs.
	 */
	public Bytes getBytes(String path, String... headers) {
		return sendBytes("GET", path, headers);
	}

	/** Sends a request without a body (GET, HEAD, …) and keeps the answer as bytes. */
	public Bytes sendBytes(String method, String path, String... headers) {
		HttpRequest.Builder request = request(path).method(method, HttpRequest.BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Bytes(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A JSON call with this browser's session, as a page's script makes it: the CSRF
	 * token of the last page loaded (its form or its {@code <meta name="_csrf">}) in the
	 * {@code X-CSRF-TOKEN} header.
	 */
	public Response sessionJson(String method, String path, String json) {
		HttpRequest.Builder request = request(path).setHeader("Accept", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return send(withCsrf(request));
	}

	/** The CSRF token of the last page loaded. */
	public String csrfToken() {
		return this.csrf;
	}

	/**
	 * Adds the CSRF token of the last page loaded, as the {@code X-CSRF-TOKEN} header.
	 */
	public HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
		if (this.csrf == null) {
			throw new IllegalStateException("No page with a CSRF token was loaded yet");
		}
		return request.header("X-CSRF-TOKEN", this.csrf);
	}

	public Response json(String method, String path, String json) {
		HttpRequest.BodyPublisher body = (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody();
		HttpRequest.Builder request = request(path).method(method, body);
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return send(request);
	}

	public Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Matcher csrfField = CSRF.matcher(response.body());
			if (csrfField.find()) {
				this.csrf = csrfField.group(1);
			}
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder request(String pathOrUrl) {
		URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.base + pathOrUrl);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(60))
			.header("Accept", (this.bearer != null) ? "application/json" : "text/html,*/*;q=0.8");
		if (this.bearer != null) {
			request.header("Authorization", "Bearer " + this.bearer);
		}
		return request.header("X-Forwarded-For", this.address);
	}

	/** A distinct private address for the n-th client. */
	public static String address(int n) {
		return "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
	}

	/** The value of one of this browser's cookies, or null. */
	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	public record Response(int status, HttpHeaders headers, String body) {

		/** The body with HTML entities decoded, to look for the words a person reads. */
		public String text() {
			return HtmlUtils.htmlUnescape(this.body);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

	/** A response whose body is kept as bytes, as a video player reads it. */
	public record Bytes(int status, HttpHeaders headers, byte[] body) {

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

}
