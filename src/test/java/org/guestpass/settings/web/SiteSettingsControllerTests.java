package org.guestpass.settings.web;

import org.guestpass.account.SignedInNames;
import org.guestpass.audit.Actor;
import org.guestpass.settings.GuestLinkPolicy;
import org.guestpass.settings.GuestLinkPolicy.LowestRole;
import org.guestpass.settings.LmsSettings;
import org.guestpass.settings.SiteModules;
import org.guestpass.settings.SiteSettings;
import org.guestpass.system.ActiveSignIns;
import org.guestpass.system.GuestPassProperties;
import org.guestpass.system.RateLimits;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The site settings page as a slice, behind the application's own security configuration
 * and headers (not Spring Boot's default security): who reaches the page, and that its
 * forms need a CSRF token. The settings service is replaced; so are the beans the
 * security configuration needs that these requests never reach: sign-in and its throttle,
 * API tokens, and the check of a sign-in read from a session (the tests' sign-ins do not
 * come from a session).
 */
@WebMvcTest(controllers = SiteSettingsController.class)
@Import({ SiteSettingsControllerTests.ApplicationSecurity.class, SignedInNames.class })
class SiteSettingsControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SiteSettings settings;

	@MockitoBean
	UserDetailsService accounts;

	@MockitoBean
	CompromisedPasswordChecker refusedPasswords;

	@MockitoBean
	OpaqueTokenIntrospector apiTokens;

	@MockitoBean
	RateLimits limits;

	@MockitoBean
	ActiveSignIns activeSignIns;

	@BeforeEach
	void currentSettings() {
		given(this.settings.modules()).willReturn(new SiteModules(true, true, true));
		given(this.settings.policy()).willReturn(new GuestLinkPolicy(LowestRole.member, 2, 30));
		given(this.settings.lms()).willReturn(LmsSettings.DEFAULT);
	}

	@Test
	void aVisitorIsSentToSignIn() throws Exception {
		this.mvc.perform(get("/admin/settings")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		then(this.settings).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(username = "grace", roles = "MEMBER")
	void aMemberMayNotOpenThePage() throws Exception {
		this.mvc.perform(get("/admin/settings")).andExpect(status().isForbidden());
		then(this.settings).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(username = "ada", roles = "ADMIN")
	void anAdminSeesThePageWithTheCurrentPolicyAndTheSitesHeaders() throws Exception {
		MvcResult result = this.mvc.perform(get("/admin/settings"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andReturn();
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("main h1").text()).isEqualTo("Site settings");
		assertThat(page.select("input[name=maxLinksPerItem]").val()).isEqualTo("2");
		assertThat(page.select("input[name=maxDurationDays]").val()).isEqualTo("30");
		assertThat(page.select("form[action=/admin/settings/policy] input[name=_csrf]").val()).isNotBlank();
	}

	@Test
	@WithMockUser(username = "ada", roles = "ADMIN")
	void aPolicyPostedWithoutACsrfTokenIsRefused() throws Exception {
		this.mvc
			.perform(post("/admin/settings/policy").param("lowestRole", "admin")
				.param("maxLinksPerItem", "3")
				.param("maxDurationDays", "7"))
			.andExpect(status().isForbidden());
		then(this.settings).should(never()).changePolicy(any(), any());
	}

	@Test
	@WithMockUser(username = "ada", roles = "ADMIN")
	void aPolicyPostedWithACsrfTokenIsSavedAsTheAdmin() throws Exception {
		this.mvc
			.perform(post("/admin/settings/policy").with(csrf())
				.param("lowestRole", "admin")
				.param("maxLinksPerItem", "3")
				.param("maxDurationDays", "7"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/settings"));
		then(this.settings).should().changePolicy(new GuestLinkPolicy(LowestRole.admin, 3, 7), Actor.user("ada"));
	}

	/**
	 * The application's security configuration and the headers it writes (which are not
	 * public, so imported by name), with the settings those headers are made from.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GuestPassProperties.class)
	@Import(ApplicationSecurity.ByName.class)
	static class ApplicationSecurity {

		static class ByName implements ImportSelector {

			@Override
			public String[] selectImports(AnnotationMetadata metadata) {
				return new String[] { "org.guestpass.system.SecurityConfiguration",
						"org.guestpass.system.SecurityHeaders", "org.guestpass.system.FramePolicy" };
			}

		}

	}

}
