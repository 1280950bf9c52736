package org.guestpass.account.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.guestpass.account.Account;
import org.guestpass.account.AccountRefusal;
import org.guestpass.account.Accounts;
import org.guestpass.account.ApiTokens;
import org.guestpass.account.GuestLinkPermission;
import org.guestpass.account.PasswordRule;
import org.guestpass.account.Role;
import org.guestpass.account.SignedIn;
import org.guestpass.system.Outcome;
import org.guestpass.system.Problems;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users (for admins: their role, guest links, whether they are enabled, their password
 * and API tokens) and each user's personal API tokens.
 */
@RestController
class AccountApiController {

	private final Accounts accounts;

	private final ApiTokens tokens;

	AccountApiController(Accounts accounts, ApiTokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@GetMapping("/api/v1/admin/users")
	List<UserResponse> users() {
		Map<Long, Integer> counts = this.accounts.tokenCounts();
		return this.accounts.all().stream().map((account) -> UserResponse.of(account, counts)).toList();
	}

	@PostMapping("/api/v1/admin/users")
	ResponseEntity<?> createUser(@Valid @RequestBody NewUserRequest request, @AuthenticationPrincipal SignedIn admin) {
		Outcome<Account> creation = this.accounts.create(request.username(), request.password(), request.role(),
				admin.actor());
		if (creation.isRefused()) {
			return Problems.refused(creation.refusal());
		}
		return ResponseEntity.created(URI.create("/api/v1/admin/users/" + creation.value().id()))
			.body(UserResponse.of(creation.value(), Map.of()));
	}

	@PutMapping("/api/v1/admin/users/{id}")
	ResponseEntity<?> changeUser(@PathVariable long id, @Valid @RequestBody UserChangeRequest request,
			@AuthenticationPrincipal SignedIn admin) {
		Outcome<Account> change = this.accounts.change(id, request.role(), request.guestLinks(), request.enabled(),
				admin.actor());
		if (change.isRefused()) {
			return Problems.refused(change.refusal());
		}
		return ResponseEntity.ok(UserResponse.of(change.value(), this.accounts.tokenCounts()));
	}

	@PutMapping("/api/v1/admin/users/{id}/password")
	ResponseEntity<?> resetPassword(@PathVariable long id, @Valid @RequestBody PasswordRequest request,
			@AuthenticationPrincipal SignedIn admin) {
		Outcome<Account> reset = this.accounts.resetPassword(id, request.password(), admin.actor());
		return reset.isRefused() ? Problems.refused(reset.refusal()) : ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/admin/users/{id}/tokens")
	ResponseEntity<?> tokensOf(@PathVariable long id) {
		return this.accounts.tokensOf(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(Problems::notFound);
	}

	@DeleteMapping("/api/v1/admin/users/{id}/tokens")
	ResponseEntity<?> revokeTokensOf(@PathVariable long id, @AuthenticationPrincipal SignedIn admin) {
		return this.accounts.revokeTokens(id, admin.actor()).isPresent() ? ResponseEntity.noContent().build()
				: Problems.notFound();
	}

	@DeleteMapping("/api/v1/admin/users/{id}/tokens/{tokenId}")
	ResponseEntity<?> revokeTokenOf(@PathVariable long id, @PathVariable long tokenId,
			@AuthenticationPrincipal SignedIn admin) {
		return this.accounts.revokeToken(id, tokenId, admin.actor()).isPresent() ? ResponseEntity.noContent().build()
				: Problems.notFound();
	}

	@GetMapping("/api/v1/me/tokens")
	List<ApiTokens.ApiToken> myTokens(@AuthenticationPrincipal SignedIn me) {
		return this.tokens.list(me.id());
	}

	/**
	 * Creates a token, only for a browser's sign-in session: a token that could create
	 * tokens would let whoever stole one keep access after it is revoked.
	 */
	@PostMapping("/api/v1/me/tokens")
	ResponseEntity<?> issueToken(@Valid @RequestBody NewTokenRequest request, Authentication authentication,
			@AuthenticationPrincipal SignedIn me) {
		if (!SignInChannel.isBrowserSession(authentication)) {
			return Problems.refused(AccountRefusal.TOKENS_FROM_A_BROWSER);
		}
		if (request.name() == null || request.name().isBlank() || !ApiTokens.NAME.admits(request.name().trim())) {
			return Problems.refused(AccountRefusal.TOKEN_NAME_INVALID);
		}
		ApiTokens.IssuedToken issued = this.tokens.issue(me.id(), request.name());
		return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + issued.id())).body(issued);
	}

	/**
	 * Revokes one of your own tokens, from a browser or with any of your tokens (the same
	 * one included).
	 */
	@DeleteMapping("/api/v1/me/tokens/{id}")
	ResponseEntity<?> revokeToken(@PathVariable long id, @AuthenticationPrincipal SignedIn me) {
		return this.tokens.revoke(me.id(), id) ? ResponseEntity.noContent().build() : Problems.notFound();
	}

	/**
	 * A user as the API shows them: never their password, and only the number of their
	 * API tokens.
	 */
	record UserResponse(long id, String username, Role role, GuestLinkPermission guestLinks, boolean enabled,
			Instant disabledAt, int tokens, Instant createdAt) {

		static UserResponse of(Account account, Map<Long, Integer> tokenCounts) {
			return new UserResponse(account.id(), account.username(), account.role(), account.guestLinks(),
					account.isEnabled(), account.disabledAt(), tokenCounts.getOrDefault(account.id(), 0),
					account.createdAt());
		}

	}

	/** The password's length is checked by {@link PasswordRule}, in the service. */
	record NewUserRequest(@NotBlank @Size(max = 50) String username,
			@NotNull(message = PasswordRule.MISSING) String password, @NotNull Role role) {
	}

	/**
	 * {@code enabled} is optional: absent, the account stays as enabled or disabled as it
	 * is.
	 */
	record UserChangeRequest(@NotNull Role role, @NotNull GuestLinkPermission guestLinks, Boolean enabled) {
	}

	record PasswordRequest(@NotNull(message = PasswordRule.MISSING) String password) {
	}

	/**
	 * The name is checked by {@link ApiTokens#NAME}, in characters as a person counts
	 * them.
	 */
	record NewTokenRequest(String name) {
	}

}
