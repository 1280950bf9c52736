package org.guestpass.account.web;

import java.util.List;
import java.util.Optional;

import org.guestpass.account.AccountRefusal;
import org.guestpass.account.Accounts;
import org.guestpass.account.ApiTokens;
import org.guestpass.account.Role;
import org.guestpass.account.SignedIn;
import org.guestpass.audit.Actor;
import org.guestpass.system.DatabaseUnavailable;
import org.guestpass.system.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The users API as a slice, with the accounts service replaced: how a refusal of the
 * service, and a request that breaks the request's own rules, become RFC 9457 problems
 * (status, stable code, the field and its message), without the rest of the application.
 */
@WebMvcTest(controllers = AccountApiController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = DatabaseUnavailable.class))
class AccountApiControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	ApiTokens tokens;

	private final SignedIn admin = mock(SignedIn.class);

	@BeforeEach
	void anAdmin() {
		given(this.admin.getUsername()).willReturn("ada");
		given(this.admin.actor()).willReturn(Actor.user("ada"));
	}

	@Test
	void aTakenUserNameIsAProblemNamingTheFieldWithTheServicesMessage() throws Exception {
		given(this.accounts.create(eq("grace"), anyString(), eq(Role.member), eq(Actor.user("ada"))))
			.willReturn(Outcome.refused(AccountRefusal.USERNAME_TAKEN));

		this.mvc
			.perform(asAdmin(post("/api/v1/admin/users"))
				.content("{\"username\":\"grace\",\"password\":\"a-long-password\",\"role\":\"member\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.code").value("validation_failed"))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("username"))
			.andExpect(jsonPath("$.errors[0].message").value(AccountRefusal.USERNAME_TAKEN.message()));
	}

	@Test
	void takingAwayTheLastAdminIsAConflictWithItsOwnCode() throws Exception {
		given(this.accounts.change(eq(7L), eq(Role.member), any(), any(), eq(Actor.user("ada"))))
			.willReturn(Outcome.refused(AccountRefusal.LAST_ADMIN));

		this.mvc
			.perform(asAdmin(put("/api/v1/admin/users/7")).content("{\"role\":\"member\",\"guestLinks\":\"policy\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("last_admin"))
			.andExpect(jsonPath("$.detail").value(AccountRefusal.LAST_ADMIN.message()))
			.andExpect(jsonPath("$.errors").doesNotExist());
	}

	@Test
	void aNewUserWithoutAUserNameOrRoleIsRefusedFieldByFieldBeforeTheServiceIsAsked() throws Exception {
		this.mvc.perform(asAdmin(post("/api/v1/admin/users")).content("{\"password\":\"a-long-password\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("validation_failed"))
			.andExpect(jsonPath("$.errors[*].field").value(contains("role", "username")));
		verifyNoInteractions(this.accounts);
	}

	@Test
	void theTokensOfAUserTheServiceDoesNotKnowAreNotFound() throws Exception {
		given(this.accounts.tokensOf(anyLong())).willReturn(Optional.empty());

		this.mvc.perform(asAdmin(get("/api/v1/admin/users/404/tokens")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("not_found"));
	}

	private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return request
			.with(authentication(UsernamePasswordAuthenticationToken.authenticated(this.admin, null,
					List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON);
	}

}
