package org.guestpass.lti;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A fake LMS platform, shaped like hosted Canvas, that speaks LTI 1.3 over loopback HTTP:
 * it publishes its JWKS and its Dynamic Registration OpenID configuration, takes client
 * registrations, answers OIDC authentication requests with an auto-submitting
 * {@code form_post} page, and builds and signs the id_tokens of resource-link and
 * deep-linking launches. Only the JDK's {@link HttpServer} and nimbus-jose-jwt; no mocks.
 * The token endpoint's URL is advertised but not served.
 */
public final class FakePlatform implements AutoCloseable {

	/** The LTI claim namespace. */
	public static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

	/** {@code https://purl.imsglobal.org/spec/lti/claim/message_type}. */
	public static final String MESSAGE_TYPE = LTI + "message_type";

	/** {@code https://purl.imsglobal.org/spec/lti/claim/version}. */
	public static final String VERSION = LTI + "version";

	/** {@code https://purl.imsglobal.org/spec/lti/claim/deployment_id}. */
	public static final String DEPLOYMENT_ID = LTI + "deployment_id";

	/** {@code https://purl.imsglobal.org/spec/lti/claim/target_link_uri}. */
	public static final String TARGET_LINK_URI = LTI + "target_link_uri";

	/** {@code https://purl.imsglobal.org/spec/lti/claim/resource_link}. */
	public static final String RESOURCE_LINK = LTI + "resource_link";

	/** {@code https://purl.imsglobal.org/spec/lti/claim/roles}. */
	public static final String ROLES = LTI + "roles";

	/** {@code https://purl.imsglobal.org/spec/lti/claim/context}. */
	public static final String CONTEXT = LTI + "context";

	/** {@code https://purl.imsglobal.org/spec/lti/claim/tool_platform}. */
	public static final String TOOL_PLATFORM = LTI + "tool_platform";

	/** {@code https://purl.imsglobal.org/spec/lti/claim/launch_presentation}. */
	public static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";

	/** {@code https://purl.imsglobal.org/spec/lti/claim/custom}. */
	public static final String CUSTOM = LTI + "custom";

	/** Canvas's placement claim. */
	public static final String PLACEMENT = "https://www.instructure.com/placement";

	/** {@code https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings}. */
	public static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

	/** The platform-configuration member of the OpenID configuration. */
	public static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";

	/** The tool-configuration member of a client registration. */
	public static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

	/** Context role: instructor. */
	public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	/** Context role: learner. */
	public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

	/** Institution role: instructor. */
	public static final String INSTITUTION_INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor";

	/** Institution role: student. */
	public static final String INSTITUTION_STUDENT = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student";

	/** Context type: course offering. */
	public static final String COURSE_OFFERING = "http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final HttpServer server;

	private final Clock clock;

	private final String clientId;

	private final String deploymentId;

	private final String registrationToken;

	private final String platformGuid;

	private final String contextId;

	private final AtomicInteger jwksFetches = new AtomicInteger();

	private final AtomicInteger openIdConfigurationFetches = new AtomicInteger();

	private final Map<String, IdToken> pendingLogins = new ConcurrentHashMap<>();

	private volatile RSAKey signingKey;

	private volatile RSAKey strangerKey;

	private volatile String issuerInOpenIdConfiguration;

	private volatile String openIdConfigurationAuthorization;

	private volatile String registrationJson;

	private volatile String registrationAuthorization;

	private volatile Map<String, String> authorizationRequest;

	private volatile HttpsServer browserPages;

	private volatile String coursePageFrame;

	private FakePlatform(HttpServer server, Clock clock) {
		this.server = server;
		this.clock = clock;
		this.clientId = "10000000000" + String.format("%05d", RANDOM.nextInt(100_000));
		this.deploymentId = "12:" + hex(20);
		this.registrationToken = "reg-" + hex(24);
		this.platformGuid = hex(20) + ":canvas-lms";
		this.contextId = hex(20);
		this.signingKey = newKey();
	}

	/**
	 * Starts a fake platform on {@code 127.0.0.1} on a free port, with a fresh RSA 2048
	 * signing key.
	 * @param clock the clock that dates the tokens it builds
	 * @return the started platform
	 */
	public static FakePlatform start(Clock clock) {
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		FakePlatform platform = new FakePlatform(server, clock);
		server.createContext("/api/lti/security/jwks", (exchange) -> platform.handle(exchange, platform::jwks));
		server.createContext("/api/lti/security/openid-configuration",
				(exchange) -> platform.handle(exchange, platform::openIdConfiguration));
		server.createContext("/api/lti/registrations", (exchange) -> platform.handle(exchange, platform::register));
		server.createContext("/api/lti/authorize_redirect",
				(exchange) -> platform.handle(exchange, platform::authorize));
		server.start();
		return platform;
	}

	/**
	 * The registration an admin makes of this platform in GuestPass, named "Fake Canvas".
	 */
	public PlatformDraft draft() {
		return draft(authorizationUrl());
	}

	/**
	 * The registration of this platform with its browser pages at another address (on
	 * {@code localhost}, or over HTTPS).
	 * @param authorizationUrl where the browser finds the authorization endpoint
	 * @return the registration, named "Fake Canvas"
	 */
	public PlatformDraft draft(String authorizationUrl) {
		return new PlatformDraft("Fake Canvas", issuer(), this.clientId, List.of(this.deploymentId), authorizationUrl,
				tokenUrl(), jwksUrl());
	}

	/**
	 * The platform's issuer.
	 * @return {@code http://127.0.0.1:<port>}, with no trailing slash
	 */
	public String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * The client id this platform gave the tool (Canvas-shaped: a developer key id).
	 * @return the client id
	 */
	public String clientId() {
		return this.clientId;
	}

	/**
	 * The tool's deployment id on this platform (Canvas-shaped).
	 * @return {@code 12:} and 40 hex characters
	 */
	public String deploymentId() {
		return this.deploymentId;
	}

	/**
	 * The OIDC authentication endpoint.
	 * @return the authorization URL
	 */
	public String authorizationUrl() {
		return issuer() + "/api/lti/authorize_redirect";
	}

	/**
	 * The OAuth 2 token endpoint (advertised, not served).
	 * @return the token URL
	 */
	public String tokenUrl() {
		return issuer() + "/login/oauth2/token";
	}

	/**
	 * Where the platform publishes its public keys.
	 * @return the JWKS URL
	 */
	public String jwksUrl() {
		return issuer() + "/api/lti/security/jwks";
	}

	/**
	 * The Dynamic Registration OpenID configuration.
	 * @return the openid-configuration URL
	 */
	public String openIdConfigurationUrl() {
		return issuer() + "/api/lti/security/openid-configuration";
	}

	/**
	 * The Dynamic Registration endpoint.
	 * @return the registration URL
	 */
	public String registrationUrl() {
		return issuer() + "/api/lti/registrations";
	}

	/**
	 * How many times the JWKS has been fetched.
	 * @return the number of fetches
	 */
	public int jwksFetches() {
		return this.jwksFetches.get();
	}

	/**
	 * How many times the OpenID configuration has been fetched.
	 * @return the number of fetches
	 */
	public int openIdConfigurationFetches() {
		return this.openIdConfigurationFetches.get();
	}

	/**
	 * The Authorization header the last OpenID configuration fetch came with.
	 * @return the header, or {@code null} if none was sent or there was no fetch
	 */
	public String openIdConfigurationAuthorization() {
		return this.openIdConfigurationAuthorization;
	}

	/**
	 * The current signing key's kid.
	 * @return the kid
	 */
	public String kid() {
		return this.signingKey.getKeyID();
	}

	/**
	 * Replaces the signing key: a new key pair and kid sign from now on, and the JWKS
	 * publishes only the new key.
	 */
	public void rotateKey() {
		this.signingKey = newKey();
	}

	/**
	 * The public keys the JWKS publishes.
	 * @return the current public key only
	 */
	public JWKSet publicKeys() {
		return new JWKSet(this.signingKey.toPublicJWK());
	}

	/**
	 * Makes the OpenID configuration name another issuer than {@link #issuer()}.
	 * @param issuer the issuer to claim, or {@code null} for the true one
	 */
	public void issuerInOpenIdConfiguration(String issuer) {
		this.issuerInOpenIdConfiguration = issuer;
	}

	/**
	 * The registration token a tool must present to the registration endpoint, as the
	 * platform would pass it in the registration initiation's {@code registration_token}.
	 * @return the registration token
	 */
	public String registrationToken() {
		return this.registrationToken;
	}

	/**
	 * The registration initiation URL a platform would open for a tool.
	 * @param toolRegistrationUrl the tool's registration URL
	 * @return the URL with {@code openid_configuration} and {@code registration_token}
	 */
	public String registrationInitiation(String toolRegistrationUrl) {
		return toolRegistrationUrl + ((toolRegistrationUrl.contains("?")) ? "&" : "?") + "openid_configuration="
				+ encode(openIdConfigurationUrl()) + "&registration_token=" + encode(this.registrationToken);
	}

	/**
	 * The JSON body the registration endpoint last received.
	 * @return the body, or {@code null} if none
	 */
	public String registrationJson() {
		return this.registrationJson;
	}

	/**
	 * The Authorization header the last registration came with.
	 * @return the header, or {@code null} if none
	 */
	public String registrationAuthorization() {
		return this.registrationAuthorization;
	}

	/**
	 * A valid Canvas-shaped {@code LtiResourceLinkRequest} id_token, launched by an
	 * instructor from course navigation.
	 * @param nonce the nonce, or {@code null} to take the one of the authentication
	 * request that redeems it (see {@link #loginHint(IdToken)})
	 * @param targetLinkUri the target link URI
	 * @return a builder of the token
	 */
	public IdToken resourceLinkLaunch(String nonce, String targetLinkUri) {
		IdToken token = common(nonce, targetLinkUri, "LtiResourceLinkRequest", "course_navigation");
		token.claim(RESOURCE_LINK, map("id", UUID.randomUUID().toString(), "title", "GuestPass"));
		return token;
	}

	/**
	 * A valid Canvas-shaped {@code LtiDeepLinkingRequest} id_token from the rich content
	 * editor.
	 * @param nonce the nonce, or {@code null} to take the one of the authentication
	 * request that redeems it
	 * @param targetLinkUri the target link URI
	 * @param deepLinkReturnUrl where the tool returns its deep-linking response
	 * @return a builder of the token
	 */
	public IdToken deepLinkingRequest(String nonce, String targetLinkUri, String deepLinkReturnUrl) {
		IdToken token = common(nonce, targetLinkUri, "LtiDeepLinkingRequest", "editor_button");
		token.claim(DEEP_LINKING_SETTINGS,
				map("deep_link_return_url", deepLinkReturnUrl, "accept_types", List.of("ltiResourceLink"),
						"accept_presentation_document_targets", List.of("iframe", "window"), "accept_multiple", false,
						"data", "opaque-" + hex(8)));
		return token;
	}

	/**
	 * Keeps a token for the authentication request that will redeem it, as a platform
	 * keeps a launch between the login initiation and the authentication request.
	 * @param token the token to hand out
	 * @return the {@code login_hint} to send in the login initiation
	 */
	public String loginHint(IdToken token) {
		String hint = "hint-" + hex(12);
		this.pendingLogins.put(hint, token);
		return hint;
	}

	/**
	 * The parameters of the last authentication request the authorization endpoint
	 * received.
	 * @return the parameters, or {@code null} if none
	 */
	public Map<String, String> authorizationRequest() {
		return this.authorizationRequest;
	}

	/**
	 * Stops the server.
	 */
	/**
	 * Serves the pages a browser sees over HTTPS as well, as a real LMS does: the
	 * authorization endpoint and a course page that shows the tool in a frame.
	 * @param tls the server's TLS context
	 * @return the HTTPS origin of the pages, {@code https://127.0.0.1:<port>}
	 */
	public String serveBrowserPagesOverHttps(SSLContext tls) {
		try {
			HttpsServer pages = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			pages.setHttpsConfigurator(new HttpsConfigurator(tls));
			// A browser opens connections it may never use; one thread per exchange, so
			// that a silent one holds up no other.
			pages.setExecutor(Executors.newCachedThreadPool());
			pages.createContext("/api/lti/authorize_redirect", (exchange) -> handle(exchange, this::authorize));
			pages.createContext("/courses/1", (exchange) -> handle(exchange, this::coursePage));
			pages.start();
			this.browserPages = pages;
			return "https://127.0.0.1:" + pages.getAddress().getPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What the course page's frame opens: the tool's login, as Canvas's course navigation
	 * link does.
	 * @param url the address the frame opens
	 */
	public void coursePageFrame(String url) {
		this.coursePageFrame = url;
	}

	@Override
	public void close() {
		this.server.stop(0);
		if (this.browserPages != null) {
			this.browserPages.stop(0);
		}
	}

	private void coursePage(HttpExchange exchange) throws IOException {
		send(exchange, 200, "text/html; charset=utf-8",
				"<!DOCTYPE html><html lang=\"en\"><title>Biology 101</title><body><h1>Biology 101</h1>"
						+ "<iframe title=\"GuestPass\" allow=\"clipboard-read; clipboard-write\" src=\""
						+ html(this.coursePageFrame) + "\" style=\"width:100%;height:800px;border:0\"></iframe>"
						+ "</body></html>");
	}

	private IdToken common(String nonce, String targetLinkUri, String messageType, String placement) {
		IdToken token = new IdToken(this);
		Instant now = this.clock.instant();
		token.claim("iss", issuer());
		token.claim("aud", this.clientId);
		token.claim("azp", this.clientId);
		token.claim("sub", UUID.randomUUID().toString());
		token.issuedAt(now);
		if (nonce != null) {
			token.claim("nonce", nonce);
		}
		else {
			token.nonceFromRequest = true;
		}
		token.claim("name", "Ada Lovelace");
		token.claim("given_name", "Ada");
		token.claim("family_name", "Lovelace");
		token.claim("email", "ada.lovelace@school.example");
		token.claim("locale", "en");
		token.claim(MESSAGE_TYPE, messageType);
		token.claim(VERSION, "1.3.0");
		token.claim(DEPLOYMENT_ID, this.deploymentId);
		token.claim(TARGET_LINK_URI, targetLinkUri);
		token.instructor();
		token.claim(CONTEXT,
				map("id", this.contextId, "label", "BIO101", "title", "Biology 101", "type", List.of(COURSE_OFFERING)));
		token.claim(TOOL_PLATFORM, map("guid", this.platformGuid, "name", "Fake Canvas", "product_family_code",
				"canvas", "version", "cloud"));
		token.claim(LAUNCH_PRESENTATION, map("document_target", "iframe", "locale", "en", "return_url",
				issuer() + "/courses/1/external_content/success/external_tool_redirect"));
		token.claim(CUSTOM, map("course_end_at", "2027-05-30T23:59:59Z"));
		token.claim(PLACEMENT, placement);
		return token;
	}

	private void jwks(HttpExchange exchange) throws IOException {
		this.jwksFetches.incrementAndGet();
		send(exchange, 200, "application/json", publicKeys().toString());
	}

	private void openIdConfiguration(HttpExchange exchange) throws IOException {
		this.openIdConfigurationFetches.incrementAndGet();
		this.openIdConfigurationAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
		String issuer = (this.issuerInOpenIdConfiguration != null) ? this.issuerInOpenIdConfiguration : issuer();
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("issuer", issuer);
		configuration.put("authorization_endpoint", authorizationUrl());
		configuration.put("token_endpoint", tokenUrl());
		configuration.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
		configuration.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
		configuration.put("jwks_uri", jwksUrl());
		configuration.put("registration_endpoint", registrationUrl());
		configuration.put("scopes_supported",
				List.of("openid", "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
						"https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
						"https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
						"https://purl.imsglobal.org/spec/lti-ags/scope/score",
						"https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"));
		configuration.put("response_types_supported", List.of("id_token"));
		configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
		configuration.put("claims_supported",
				List.of("sub", "iss", "name", "given_name", "family_name", "nickname", "picture", "email", "locale"));
		configuration.put("subject_types_supported", List.of("public", "pairwise"));
		configuration.put(PLATFORM_CONFIGURATION, map(
				"product_family_code", "canvas", "version", "cloud", "messages_supported", List.of(
						map("type", "LtiResourceLinkRequest", "placements",
								List.of("account_navigation", "course_navigation", "assignment_selection",
										"link_selection", "global_navigation", "user_navigation")),
						map("type", "LtiDeepLinkingRequest", "placements",
								List.of("assignment_selection", "editor_button", "link_selection",
										"homework_submission", "module_index_menu_modal"))),
				"variables", List.of("Canvas.course.endAt", "Canvas.term.endAt"),
				"https://canvas.instructure.com/lti/account_name", "Fake University"));
		send(exchange, 200, "application/json", JSONObjectUtils.toJSONString(configuration));
	}

	private void register(HttpExchange exchange) throws IOException {
		if (!"POST".equals(exchange.getRequestMethod())) {
			exchange.getResponseHeaders().set("Allow", "POST");
			send(exchange, 405, "application/json", "{\"error\":\"method_not_allowed\"}");
			return;
		}
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		this.registrationJson = body;
		this.registrationAuthorization = authorization;
		if (!("Bearer " + this.registrationToken).equals(authorization)) {
			exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			send(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
			return;
		}
		Map<String, Object> registration;
		try {
			registration = new LinkedHashMap<>(JSONObjectUtils.parse(body));
		}
		catch (ParseException ex) {
			send(exchange, 400, "application/json", "{\"error\":\"invalid_client_metadata\"}");
			return;
		}
		registration.put("client_id", this.clientId);
		Map<String, Object> toolConfiguration = new LinkedHashMap<>();
		if (registration.get(TOOL_CONFIGURATION) instanceof Map<?, ?> sent) {
			sent.forEach((name, value) -> toolConfiguration.put(String.valueOf(name), value));
		}
		toolConfiguration.put("deployment_id", this.deploymentId);
		registration.put(TOOL_CONFIGURATION, toolConfiguration);
		send(exchange, 200, "application/json", JSONObjectUtils.toJSONString(registration));
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> parameters = new LinkedHashMap<>(query(exchange.getRequestURI().getRawQuery()));
		if ("POST".equals(exchange.getRequestMethod())) {
			parameters.putAll(query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
		}
		this.authorizationRequest = Map.copyOf(parameters);
		String refusal = refusal(parameters);
		if (refusal != null) {
			send(exchange, 400, "text/plain; charset=utf-8", refusal);
			return;
		}
		IdToken token = this.pendingLogins.remove(parameters.get("login_hint"));
		if (token.nonceFromRequest) {
			token.claim("nonce", parameters.get("nonce"));
		}
		StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><title>Launching</title>");
		page.append("<body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"")
			.append(html(parameters.get("redirect_uri")))
			.append("\">");
		page.append("<input type=\"hidden\" name=\"id_token\" value=\"").append(html(token.sign())).append("\">");
		if (parameters.containsKey("state")) {
			page.append("<input type=\"hidden\" name=\"state\" value=\"")
				.append(html(parameters.get("state")))
				.append("\">");
		}
		page.append("</form></body></html>");
		send(exchange, 200, "text/html; charset=utf-8", page.toString());
	}

	private String refusal(Map<String, String> parameters) {
		if (!Arrays.asList(parameters.getOrDefault("scope", "").split(" ")).contains("openid")) {
			return "invalid_scope: scope must contain openid";
		}
		if (!"id_token".equals(parameters.get("response_type"))) {
			return "unsupported_response_type: response_type must be id_token";
		}
		if (!"form_post".equals(parameters.get("response_mode"))) {
			return "invalid_request: response_mode must be form_post";
		}
		if (!this.clientId.equals(parameters.get("client_id"))) {
			return "unauthorized_client: unknown client_id";
		}
		if (parameters.get("redirect_uri") == null) {
			return "invalid_request: redirect_uri is required";
		}
		if (parameters.get("nonce") == null) {
			return "invalid_request: nonce is required";
		}
		if (!this.pendingLogins.containsKey(parameters.getOrDefault("login_hint", ""))) {
			return "login_required: unknown login_hint";
		}
		return null;
	}

	private void handle(HttpExchange exchange, Handler handler) throws IOException {
		try {
			handler.handle(exchange);
		}
		catch (IOException | RuntimeException ex) {
			send(exchange, 500, "text/plain; charset=utf-8", String.valueOf(ex));
		}
		finally {
			exchange.close();
		}
	}

	private String sign(IdToken token, boolean anotherKey) {
		RSAKey key = (anotherKey) ? strangerKey() : this.signingKey;
		JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
		String kid = (token.kidSet) ? token.kid : this.signingKey.getKeyID();
		if (kid != null) {
			header.keyID(kid);
		}
		JWSObject jws = new JWSObject(header.build(), new Payload(JSONObjectUtils.toJSONString(token.claims)));
		try {
			jws.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jws.serialize();
	}

	private RSAKey strangerKey() {
		if (this.strangerKey == null) {
			this.strangerKey = newKey();
		}
		return this.strangerKey;
	}

	private static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, (bytes.length != 0) ? bytes.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static Map<String, String> query(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (query == null || query.isEmpty()) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return parameters;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String html(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	private static Map<String, Object> map(Object... namesAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return map;
	}

	@FunctionalInterface
	private interface Handler {

		void handle(HttpExchange exchange) throws IOException;

	}

	/**
	 * A mutable builder of an id_token, signed by its platform's current key when
	 * {@link #sign()} is called.
	 */
	public static final class IdToken {

		private final FakePlatform platform;

		private final Map<String, Object> claims = new LinkedHashMap<>();

		private boolean expiresAtSet;

		private boolean anotherKey;

		private boolean kidSet;

		private String kid;

		private boolean nonceFromRequest;

		private IdToken(FakePlatform platform) {
			this.platform = platform;
		}

		/**
		 * Sets or replaces a claim. An {@link Instant} or {@link Date} becomes seconds
		 * since the epoch; anything else is serialized as JSON as it is.
		 * @param name the claim name
		 * @param value the value
		 * @return this builder
		 */
		public IdToken claim(String name, Object value) {
			Object json = value;
			if (value instanceof Instant instant) {
				json = instant.getEpochSecond();
			}
			else if (value instanceof Date date) {
				json = date.toInstant().getEpochSecond();
			}
			this.claims.put(name, json);
			if ("exp".equals(name)) {
				this.expiresAtSet = true;
			}
			if ("nonce".equals(name)) {
				this.nonceFromRequest = false;
			}
			return this;
		}

		/**
		 * Removes a claim.
		 * @param claim the claim name
		 * @return this builder
		 */
		public IdToken without(String claim) {
			this.claims.remove(claim);
			if ("exp".equals(claim)) {
				this.expiresAtSet = true;
			}
			if ("nonce".equals(claim)) {
				this.nonceFromRequest = false;
			}
			return this;
		}

		/**
		 * A claim's current value.
		 * @param name the claim name
		 * @return the value, or {@code null}
		 */
		public Object get(String name) {
			return this.claims.get(name);
		}

		/**
		 * The claims as they stand.
		 * @return a copy of the claims
		 */
		public Map<String, Object> claims() {
			return new LinkedHashMap<>(this.claims);
		}

		/**
		 * Sets {@code aud}: one audience as a string, several as an array.
		 * @param audiences the audiences
		 * @return this builder
		 */
		public IdToken audience(String... audiences) {
			this.claims.put("aud", (audiences.length != 1) ? List.of(audiences) : audiences[0]);
			return this;
		}

		/**
		 * Sets {@code iat}, and {@code exp} an hour later unless {@code exp} has been set
		 * explicitly.
		 * @param at the time of issue
		 * @return this builder
		 */
		public IdToken issuedAt(Instant at) {
			this.claims.put("iat", at.getEpochSecond());
			if (!this.expiresAtSet) {
				this.claims.put("exp", at.plus(Duration.ofHours(1)).getEpochSecond());
			}
			return this;
		}

		/**
		 * Sets {@code exp}.
		 * @param at the expiry
		 * @return this builder
		 */
		public IdToken expiresAt(Instant at) {
			return claim("exp", at);
		}

		/**
		 * Sets the roles claim.
		 * @param roleUris the role URIs (none for an empty array)
		 * @return this builder
		 */
		public IdToken roles(String... roleUris) {
			this.claims.put(ROLES, new ArrayList<>(List.of(roleUris)));
			return this;
		}

		/**
		 * A learner: {@code membership#Learner} and {@code institution/person#Student}.
		 * @return this builder
		 */
		public IdToken learner() {
			return roles(LEARNER, INSTITUTION_STUDENT);
		}

		/**
		 * An instructor: {@code membership#Instructor} and
		 * {@code institution/person#Instructor}.
		 * @return this builder
		 */
		public IdToken instructor() {
			return roles(INSTRUCTOR, INSTITUTION_INSTRUCTOR);
		}

		/**
		 * Signs with a key the platform's JWKS does not hold, under the same kid.
		 * @return this builder
		 */
		public IdToken signedWithAnotherKey() {
			this.anotherKey = true;
			return this;
		}

		/**
		 * Overrides the header's kid.
		 * @param kid the kid, or {@code null} for none
		 * @return this builder
		 */
		public IdToken kid(String kid) {
			this.kidSet = true;
			this.kid = kid;
			return this;
		}

		/**
		 * Signs the token.
		 * @return the RS256 compact JWS
		 */
		public String sign() {
			return this.platform.sign(this, this.anotherKey);
		}

		/**
		 * Signs the token and gives the form body a platform posts to the tool's launch
		 * endpoint.
		 * @param state the state of the authentication request
		 * @return {@code id_token=…&state=…}, form-encoded
		 */
		public String formPost(String state) {
			return "id_token=" + encode(sign()) + "&state=" + encode(state);
		}

	}

}
