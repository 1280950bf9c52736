package org.guestpass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole GuestPass nodes for tests of several nodes and of failures: started in this JVM
 * or in a JVM of their own, on a database the test chooses, configured as an operator
 * would, on the command line.
 */
public final class Nodes {

	private static final Pattern SESSION = Pattern.compile("(SESSION=[^;]+)");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private Nodes() {
	}

	/** A node in this JVM; {@code own} adds to or overrides the shared settings. */
	public static ConfigurableApplicationContext start(String database, Map<String, String> own) {
		return new SpringApplicationBuilder(GuestPassApplication.class).run(arguments(database, own));
	}

	/** A node in a JVM of its own, which a test can kill. */
	public static Process startInItsOwnJvm(String database, Map<String, String> own) throws IOException {
		return startInItsOwnJvm(database, own, List.of("-Xmx512m"), Files.createTempFile("guestpass-node-", ".log"));
	}

	/**
	 * A node in a JVM of its own, started with the given JVM options (such as
	 * {@code -Xmx256m}), writing its output to {@code log}.
	 */
	public static Process startInItsOwnJvm(String database, Map<String, String> own, List<String> jvmOptions, Path log)
			throws IOException {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classPath, GuestPassApplication.class.getName()));
		command.addAll(List.of(arguments(database, own)));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	public static int port(ConfigurableApplicationContext node) {
		return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
	}

	/**
	 * Waits until the node on this port answers its health check. A JVM of its own starts
	 * in seconds on an idle machine and in minutes on a loaded one; the wait is for the
	 * start, not a measure of it.
	 */
	public static void awaitHealthy(int port) {
		TestClient anyone = TestClient.browser(port);
		Awaitility.await()
			.atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.until(() -> anyone.get("/actuator/health").status() == 200);
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A browser signed in as the first admin of a node the tests started, on its media
	 * page.
	 */
	public static TestClient signedInAdmin(int port) {
		TestClient browser = TestClient.browser(port);
		assertThat(browser.signIn("admin", "admin-password-for-tests").status()).isEqualTo(302);
		assertThat(browser.get("/media").status()).isEqualTo(200);
		return browser;
	}

	/**
	 * A new API token of the signed-in browser's account, made with its session as a page
	 * would.
	 */
	public static String apiToken(TestClient signedIn, String name) {
		TestClient.Response issued = signedIn.sessionJson("POST", "/api/v1/me/tokens", "{\"name\":\"" + name + "\"}");
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return JsonPath.read(issued.body(), "$.token");
	}

	/**
	 * The heap a node uses now, from its metrics (the node must expose the metrics
	 * endpoint).
	 */
	public static long usedHeap(TestClient monitor) {
		TestClient.Response metric = monitor.get("/actuator/metrics/jvm.memory.used?tag=area:heap");
		assertThat(metric.status()).as(metric.body()).isEqualTo(200);
		return ((Number) JsonPath.read(metric.body(), "$.measurements[0].value")).longValue();
	}

	/**
	 * Opens a guest link once, as a guest's browser would, for the session and CSRF token
	 * its form needs.
	 */
	public static EntryForm entryForm(HttpClient http, String url) {
		try {
			return entryForm(
					http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()));
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
	 * A guest at this address opens the link and, if it shows the entry form, posts it
	 * with these fields; the answer to the post, or to the opening when it showed no form
	 * (a link used up meanwhile). Nothing waits for the answers.
	 */
	public static CompletableFuture<HttpResponse<String>> enterAsync(HttpClient http, String openUrl, String postUrl,
			String address, String fields) {
		return http
			.sendAsync(HttpRequest.newBuilder(URI.create(openUrl)).header("X-Forwarded-For", address).build(),
					HttpResponse.BodyHandlers.ofString())
			.thenCompose((opened) -> {
				if (opened.statusCode() != 200) {
					return CompletableFuture.completedFuture(opened);
				}
				EntryForm entry = entryForm(opened);
				return http.sendAsync(HttpRequest.newBuilder(URI.create(postUrl))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Cookie", entry.cookie())
					.header("X-Forwarded-For", address)
					.timeout(Duration.ofSeconds(120))
					.POST(HttpRequest.BodyPublishers.ofString(entry.body(fields)))
					.build(), HttpResponse.BodyHandlers.ofString());
			});
	}

	private static EntryForm entryForm(HttpResponse<String> entry) {
		assertThat(entry.statusCode()).isEqualTo(200);
		Matcher cookie = SESSION.matcher(String.join("; ", entry.headers().allValues("Set-Cookie")));
		assertThat(cookie.find()).as("a session cookie").isTrue();
		Matcher csrf = CSRF.matcher(entry.body());
		assertThat(csrf.find()).as("a CSRF field").isTrue();
		return new EntryForm(cookie.group(1), csrf.group(1));
	}

	private static String[] arguments(String database, Map<String, String> own) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put(TestDatabases.OWN_DATABASE, "true");
		settings.put("spring.datasource.url", database);
		settings.put("spring.datasource.username", "postgres");
		settings.put("spring.datasource.password", "");
		settings.put("guestpass.secret", "a-secret-every-node-shares");
		settings.put("guestpass.admin-password", "admin-password-for-tests");
		settings.put("guestpass.data-dir", temporaryFolder());
		settings.put("server.port", "0");
		settings.put("spring.main.banner-mode", "off");
		settings.putAll(own);
		return settings.entrySet()
			.stream()
			.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
			.toArray(String[]::new);
	}

	private static String temporaryFolder() {
		try {
			return Files.createTempDirectory("guestpass-node-").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What a guest's browser holds after opening a guest link's entry page once: the
	 * session cookie and the CSRF token bound to that session, which every post of the
	 * form must carry.
	 */
	public record EntryForm(String cookie, String csrf) {

		/** The form's body with these fields and the CSRF token. */
		public String body(String fields) {
			return fields + "&_csrf=" + URLEncoder.encode(this.csrf, StandardCharsets.UTF_8);
		}

	}

}
