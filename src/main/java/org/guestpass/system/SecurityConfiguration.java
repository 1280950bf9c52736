package org.guestpass.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one security configuration: who may reach which path, how people and API clients
 * sign in.
 * <p>
 * Guests are never signed in as far as Spring Security is concerned: their admission is a
 * separate, server-side guest session that only the guest pages read. Every other page
 * and API therefore treats a guest exactly like an anonymous visitor.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	/** Paths anyone may open; guest pages check their own guest session. */
	static final String[] PUBLIC_PATHS = { "/", "/login", "/g/**", "/guest/**", "/css/**", "/js/**", "/webjars/**",
			"/favicon.ico", "/robots.txt", "/demo/live/**", ErrorPath.PATH, "/actuator/health", "/actuator/health/**",
			"/v3/api-docs", "/v3/api-docs/**", "/lti/jwks", "/lti/login", "/lti/launch", "/lti/canvas.json" };

	/** The LTI routes a platform posts to, from its own origin. */
	private static final String[] LTI_FROM_PLATFORM = { "/lti/login", "/lti/launch" };

	private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, OpaqueTokenIntrospector apiTokens, RateLimits limits,
			SecurityHeaders securityHeaders, ActiveSignIns activeSignIns) {
		RequestCache signInTargets = new SignInTargets();
		SignInThrottle signInThrottle = new SignInThrottle(limits, signInTargets);
		AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
		AccessDeniedHandler pageDenied = new AccessDeniedHandlerImpl();
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC_PATHS)
			.permitAll()
			.requestMatchers("/admin/**", "/api/v1/admin/**", "/lti/register")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(signInThrottle)
				.failureHandler(signInThrottle)
				.permitAll())
			.addFilterBefore(signInThrottle, UsernamePasswordAuthenticationFilter.class)
			.securityContext((context) -> context.securityContextRepository(new ActiveSessionContexts(activeSignIns)))
			.requestCache((cache) -> cache.requestCache(signInTargets))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			// Tokens live in the server-side session (in the database), so a cookie
			// planted by a
			// sibling subdomain cannot choose one; forms and headers carry them masked
			// afresh.
			// A platform posts the LTI login and launch from its own origin; the launch
			// is protected by its single-use state and signed id_token instead.
			.csrf((csrf) -> csrf.ignoringRequestMatchers(LTI_FROM_PLATFORM)
				.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
				.csrfTokenRequestHandler(new XorCsrfTokenRequestAttributeHandler()))
			.oauth2ResourceServer(
					(resourceServer) -> resourceServer.opaqueToken((opaque) -> opaque.introspector(apiTokens))
						.authenticationEntryPoint(SecurityConfiguration::apiUnauthorized))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				if (API.matches(request)) {
					apiUnauthorized(request, response, ex);
				}
				else {
					login.commence(request, response, ex);
				}
			}).accessDeniedHandler((request, response, ex) -> {
				if (API.matches(request)) {
					writeProblem(response, HttpStatus.FORBIDDEN, "forbidden", "You may not do this.");
				}
				else {
					pageDenied.handle(request, response, ex);
				}
			}))
			.headers((headers) -> {
				headers.defaultsDisabled();
				securityHeaders.writers().forEach(headers::addHeaderWriter);
			});
		return http.build();
	}

	/**
	 * Sign-in with a user name and password; a failed attempt forgets the password at
	 * once. The account module's checker of passwords no account can have is required:
	 * sign-in never runs without it.
	 */
	@Bean
	AuthenticationProvider signIn(UserDetailsService accounts, PasswordEncoder passwords,
			CompromisedPasswordChecker refusedPasswords) {
		return new CredentialErasingSignIn(accounts, passwords, refusedPasswords);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	private static void apiUnauthorized(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"guestpass\"");
		writeProblem(response, HttpStatus.UNAUTHORIZED, "unauthorized",
				tokenSent ? "The API token is not valid." : "Sign in or send an API token.");
	}

	private static void writeProblem(HttpServletResponse response, HttpStatus status, String code, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}");
	}

}
