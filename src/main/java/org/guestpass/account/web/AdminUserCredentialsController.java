package org.guestpass.account.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.guestpass.account.Account;
import org.guestpass.account.Accounts;
import org.guestpass.account.ApiTokens;
import org.guestpass.account.PasswordRule;
import org.guestpass.account.SignedIn;
import org.guestpass.system.CommonRefusal;
import org.guestpass.system.HtmlRefusals;
import org.guestpass.system.Outcome;
import org.guestpass.system.SiteTime;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an admin does to a user's credentials, each on a small page of its own that works
 * without JavaScript: resetting the password (typed by the admin, never shown again,
 * logged or put in a message) and revoking the user's API tokens, all of them or one.
 */
@Controller
class AdminUserCredentialsController {

	private final Accounts accounts;

	private final SiteTime time;

	AdminUserCredentialsController(Accounts accounts, SiteTime time) {
		this.accounts = accounts;
		this.time = time;
	}

	@GetMapping("/admin/users/{id:\\d+}/password")
	String initPasswordForm(@PathVariable long id, Model model) {
		return showPasswordForm(account(id), null, model);
	}

	@PostMapping("/admin/users/{id:\\d+}/password")
	String processPasswordForm(@PathVariable long id, @RequestParam(required = false) String password,
			@AuthenticationPrincipal SignedIn admin, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (password == null || password.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return showPasswordForm(account(id), PasswordRule.MISSING, model);
		}
		Outcome<Account> reset = this.accounts.resetPassword(id, password, admin.actor());
		if (reset.isRefused()) {
			if (reset.refusal().field().isEmpty()) {
				throw HtmlRefusals.page(reset.refusal());
			}
			response.setStatus(reset.refusal().status().value());
			return showPasswordForm(account(id), reset.refusal().message(), model);
		}
		redirect.addFlashAttribute("message", "Reset the password of " + reset.value().username()
				+ ". They are signed out everywhere and sign in with the new password.");
		return "redirect:/admin/users";
	}

	@GetMapping("/admin/users/{id:\\d+}/tokens")
	String tokens(@PathVariable long id, Model model) {
		Account account = account(id);
		List<TokenRow> rows = this.accounts.tokensOf(id)
			.orElseThrow(() -> HtmlRefusals.page(CommonRefusal.NOT_FOUND))
			.stream()
			.map((token) -> new TokenRow(token, this.time.readable(token.createdAt()),
					(token.lastUsedAt() == null) ? null : this.time.readable(token.lastUsedAt())))
			.toList();
		model.addAttribute("account", account);
		model.addAttribute("tokens", rows);
		return "account/tokens";
	}

	@PostMapping("/admin/users/{id:\\d+}/tokens/revoke")
	String revokeTokens(@PathVariable long id, @AuthenticationPrincipal SignedIn admin, RedirectAttributes redirect) {
		Account account = account(id);
		int revoked = this.accounts.revokeTokens(id, admin.actor())
			.orElseThrow(() -> HtmlRefusals.page(CommonRefusal.NOT_FOUND));
		if (revoked == 0) {
			redirect.addFlashAttribute("message", account.username() + " has no API tokens.");
		}
		else {
			String tokens = (revoked == 1) ? "the API token" : "all " + revoked + " API tokens";
			redirect.addFlashAttribute("message",
					"Revoked " + tokens + " of " + account.username() + ". Scripts that used them no longer get in.");
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id:\\d+}/tokens/{tokenId:\\d+}/revoke")
	String revokeToken(@PathVariable long id, @PathVariable long tokenId, @AuthenticationPrincipal SignedIn admin,
			RedirectAttributes redirect) {
		Account account = account(id);
		ApiTokens.ApiToken revoked = this.accounts.revokeToken(id, tokenId, admin.actor())
			.orElseThrow(() -> HtmlRefusals.page(CommonRefusal.NOT_FOUND));
		redirect.addFlashAttribute("message",
				"Revoked the API token “" + revoked.name() + "” of " + account.username() + ".");
		return "redirect:/admin/users/" + id + "/tokens";
	}

	private Account account(long id) {
		return this.accounts.find(id).orElseThrow(() -> HtmlRefusals.page(CommonRefusal.NOT_FOUND));
	}

	private static String showPasswordForm(Account account, String error, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("passwordRule", PasswordRule.IN_WORDS);
		model.addAttribute("passwordError", error);
		return "account/password";
	}

	/** One token as the page lists it, its times in words. */
	record TokenRow(ApiTokens.ApiToken token, String created, String lastUsed) {
	}

}
