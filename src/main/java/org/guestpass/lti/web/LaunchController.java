package org.guestpass.lti.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guestpass.account.Accounts;
import org.guestpass.account.PlatformUser;
import org.guestpass.account.SignedIn;
import org.guestpass.lti.AuthenticationRequest;
import org.guestpass.lti.CourseEnd;
import org.guestpass.lti.Launch;
import org.guestpass.lti.LaunchRefusal;
import org.guestpass.lti.Launches;
import org.guestpass.lti.LoginRequest;
import org.guestpass.lti.LtiRoles;
import org.guestpass.lti.Platform;
import org.guestpass.lti.Platforms;
import org.guestpass.settings.SiteSettings;
import org.guestpass.system.ClientAddress;
import org.guestpass.system.HtmlRefusals;
import org.guestpass.system.LmsFrame;
import org.guestpass.system.Outcome;
import org.guestpass.system.PublicAddress;
import org.guestpass.system.RateLimits;
import org.guestpass.system.Refusal;
import org.guestpass.system.TextLength;
import org.guestpass.system.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The LTI 1.3 login ({@code /lti/login}, which a platform opens in the browser to start a
 * launch) and the launch ({@code /lti/launch}, the platform's form post of the id_token).
 * The browser that starts a login gets a login cookie, whose hash the state is bound to;
 * the launch is refused in any other browser.
 */
@Controller
class LaunchController {

	private static final Logger log = LoggerFactory.getLogger(LaunchController.class);

	/**
	 * The login cookie on plain HTTP, which only a test or a developer's machine uses.
	 */
	static final String BROWSER_COOKIE = "GP-LTI";

	/**
	 * The login cookie over HTTPS: host-only, sent in the platform's frame and form posts
	 * (SameSite=None), partitioned by the LMS's site (CHIPS).
	 */
	static final String SECURE_BROWSER_COOKIE = "__Host-GP-LTI";

	private static final Duration BROWSER_COOKIE_LIFETIME = Duration.ofHours(12);

	private final Launches launches;

	private final Accounts accounts;

	private final PublicAddress address;

	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	private final SiteSettings settings;

	private final RateLimits limits;

	private final Platforms platforms;

	LaunchController(Launches launches, Accounts accounts, SiteSettings settings, RateLimits limits,
			PublicAddress address, Platforms platforms) {
		this.platforms = platforms;
		this.limits = limits;
		this.settings = settings;
		this.launches = launches;
		this.accounts = accounts;
		this.address = address;
	}

	@RequestMapping(path = "/lti/login", method = { RequestMethod.GET, RequestMethod.POST })
	String login(@RequestParam(name = "iss", required = false) String issuer,
			@RequestParam(name = "login_hint", required = false) String loginHint,
			@RequestParam(name = "target_link_uri", required = false) String targetLinkUri,
			@RequestParam(name = "lti_message_hint", required = false) String messageHint,
			@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(name = "lti_deployment_id", required = false) String deploymentId,
			@RequestParam(name = "deployment_id", required = false) String canvasDeploymentId,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (isThrottled(request, response)) {
			return refused(LaunchRefusal.TOO_MANY_LAUNCHES, null, request, response, model);
		}
		String browser = browserCookie(request).orElseGet(Tokens::generate);
		LoginRequest login = new LoginRequest(issuer, loginHint, targetLinkUri, messageHint, clientId,
				(deploymentId != null) ? deploymentId : canvasDeploymentId);
		Outcome<AuthenticationRequest> answer = this.launches.login(login, browser, launchUrl());
		if (answer.isRefused()) {
			return refused(answer.refusal(), issuer, request, response, model);
		}
		writeBrowserCookie(request, response, browser);
		return "redirect:" + answer.value().uri();
	}

	@PostMapping("/lti/launch")
	String launch(@RequestParam(name = "id_token", required = false) String idToken,
			@RequestParam(required = false) String state, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (isThrottled(request, response)) {
			return refused(LaunchRefusal.TOO_MANY_LAUNCHES, null, request, response, model);
		}
		Outcome<Launch> verified = this.launches.launch(state, idToken, browserCookie(request).orElse(null));
		if (verified.isRefused()) {
			return refused(verified.refusal(), null, request, response, model);
		}
		Launch launch = verified.value();
		LmsFrame.allowResponse(request, launch.lmsAddresses());
		if (!LtiRoles.teaches(launch.roles(), this.settings.lms().teachingAssistantsManage())) {
			// Learners watch what their teacher placed in the course, and nothing else.
			model.addAttribute("launch", launch);
			return "lti/learner";
		}
		if (Launch.DEEP_LINKING.equals(launch.messageType())) {
			return refused(LaunchRefusal.DEEP_LINKING_UNAVAILABLE, launch.platform().issuer(), request, response,
					model);
		}
		Outcome<SignedIn> signedIn = this.accounts.signInFromPlatform(new PlatformUser(launch.platform().issuer(),
				launch.platform().clientId(), launch.subject(), launch.name(), launch.email()));
		if (signedIn.isRefused()) {
			return refused(signedIn.refusal(), launch.platform().issuer(), request, response, model);
		}
		signIn(signedIn.value().inCourseEndingAt(CourseEnd.of(launch).orElse(null)), request, response);
		LmsFrame.allowSession(request, launch.lmsAddresses());
		return "redirect:/media";
	}

	/**
	 * Lets the registered platforms frame this answer: a refusal shows in the LMS's
	 * frame, often before any launch has said which LMS it is.
	 */
	private void allowRegisteredPlatforms(HttpServletRequest request) {
		List<String> addresses = new ArrayList<>();
		for (Platform platform : this.platforms.list()) {
			addresses.add(platform.issuer());
			addresses.add(platform.authorizationUrl());
		}
		LmsFrame.allowResponse(request, addresses);
	}

	/**
	 * Reserves one LTI request of the client address; when none is left, the answer will
	 * say when to try again.
	 */
	private boolean isThrottled(HttpServletRequest request, HttpServletResponse response) {
		RateLimits.Verdict verdict = this.limits.reserve(RateLimits.Limit.LTI_LAUNCHES, ClientAddress.of(request));
		if (verdict.allowed()) {
			return false;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfter().toSeconds()));
		return true;
	}

	/**
	 * Signs the person in for this browser: a new session id (no session planted before
	 * the launch carries over), with the sign-in kept where the security configuration
	 * reads it.
	 */
	private void signIn(SignedIn me, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null, me.getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.getSession(true);
		request.changeSessionId();
		this.sessions.saveContext(context, request, response);
	}

	/**
	 * The page of a refused login or launch, with its status and a reference that the log
	 * line of the refusal holds too.
	 */
	private String refused(Refusal refusal, String issuer, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		allowRegisteredPlatforms(request);
		String reference = Tokens.generate().substring(0, 10);
		log.info("LTI launch refused: {} (reference {}{})", refusal.code(), reference,
				(issuer != null) ? ", issuer " + loggable(issuer) : "");
		HtmlRefusals.answer(refusal, response);
		model.addAttribute("refusal", refusal);
		model.addAttribute("reference", reference);
		return "lti/refused";
	}

	/**
	 * An issuer as a log line may hold it: cut short, with no control or line characters.
	 */
	private static String loggable(String issuer) {
		return TextLength.truncate(issuer, 200).replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", "_");
	}

	private String launchUrl() {
		String base = this.address.base();
		return base + "/lti/launch";
	}

	private static Optional<String> browserCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		String name = request.isSecure() ? SECURE_BROWSER_COOKIE : BROWSER_COOKIE;
		return Arrays.stream(cookies)
			.filter((cookie) -> cookie.getName().equals(name) && Tokens.isWellFormed(cookie.getValue()))
			.map(Cookie::getValue)
			.findFirst();
	}

	private static void writeBrowserCookie(HttpServletRequest request, HttpServletResponse response, String value) {
		ResponseCookie.ResponseCookieBuilder cookie;
		if (request.isSecure()) {
			cookie = ResponseCookie.from(SECURE_BROWSER_COOKIE, value).secure(true).sameSite("None").partitioned(true);
		}
		else {
			cookie = ResponseCookie.from(BROWSER_COOKIE, value).sameSite("Lax");
		}
		response.addHeader(HttpHeaders.SET_COOKIE,
				cookie.httpOnly(true).path("/").maxAge(BROWSER_COOKIE_LIFETIME).build().toString());
	}

}
