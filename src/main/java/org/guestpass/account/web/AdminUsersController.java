package org.guestpass.account.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.guestpass.account.Account;
import org.guestpass.account.AccountRefusal;
import org.guestpass.account.Accounts;
import org.guestpass.account.GuestLinkPermission;
import org.guestpass.account.PasswordRule;
import org.guestpass.account.Role;
import org.guestpass.account.SignedIn;
import org.guestpass.system.CommonRefusal;
import org.guestpass.system.HtmlRefusals;
import org.guestpass.system.Outcome;
import org.guestpass.system.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's users page: the list, where each user's role and guest link permission can
 * be changed and each user disabled or enabled, and a form to create a user. Resetting a
 * password and revoking API tokens have pages of their own
 * ({@link AdminUserCredentialsController}).
 */
@Controller
class AdminUsersController {

	static final String CHOOSE_ROLE = "Choose Admin or Member.";

	static final String CHOOSE_GUEST_LINKS = "Choose Follow site policy, Allow or Deny.";

	static final List<Choice> ROLES = List.of(new Choice(Role.admin.name(), "Admin"),
			new Choice(Role.member.name(), "Member"));

	static final List<Choice> GUEST_LINKS = List.of(new Choice(GuestLinkPermission.policy.name(), "Follow site policy"),
			new Choice(GuestLinkPermission.allow.name(), "Allow"), new Choice(GuestLinkPermission.deny.name(), "Deny"));

	private final Accounts accounts;

	AdminUsersController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/admin/users")
	String initCreationForm(Model model) {
		model.addAttribute("form", new UserForm("", "", Role.member));
		return showUsers(model);
	}

	@PostMapping("/admin/users")
	String processCreationForm(@Valid @ModelAttribute("form") UserForm form, BindingResult result,
			@AuthenticationPrincipal SignedIn admin, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!result.hasErrors()) {
			Outcome<Account> creation = this.accounts.create(form.username(), form.password(), form.role(),
					admin.actor());
			if (!creation.isRefused()) {
				redirect.addFlashAttribute("message", "Created " + creation.value().username() + ".");
				return "redirect:/admin/users";
			}
			HtmlRefusals.reject(creation.refusal(), result);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return showUsers(model);
	}

	@PostMapping("/admin/users/{id:\\d+}")
	String processChangeForm(@PathVariable long id, @Valid @ModelAttribute("change") UserChangeForm form,
			BindingResult result, @AuthenticationPrincipal SignedIn admin, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (result.hasErrors()) {
			FieldError error = result.getFieldErrors().get(0);
			return showUsersWithRowError(new RowError(id, error.getField(), error.getDefaultMessage()),
					HttpStatus.BAD_REQUEST, model, response);
		}
		Outcome<Account> change = this.accounts.change(id, Role.valueOf(form.role()),
				GuestLinkPermission.valueOf(form.guestLinks()), admin.actor());
		if (change.isRefused()) {
			return showLastAdmin(id, change.refusal(), "role", "they stay an admin", model, response);
		}
		Account changed = change.value();
		redirect.addFlashAttribute("message", "Saved " + changed.username() + ": " + label(ROLES, changed.role().name())
				+ ", guest links: " + label(GUEST_LINKS, changed.guestLinks().name()) + ".");
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id:\\d+}/disable")
	String disable(@PathVariable long id, @AuthenticationPrincipal SignedIn admin, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Outcome<Account> change = this.accounts.disable(id, admin.actor());
		if (change.isRefused()) {
			return showLastAdmin(id, change.refusal(), "status", "they stay active", model, response);
		}
		redirect.addFlashAttribute("message", "Disabled " + change.value().username()
				+ ". They are signed out, can't sign in, and their API tokens don't work until you enable them again.");
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id:\\d+}/enable")
	String enable(@PathVariable long id, @AuthenticationPrincipal SignedIn admin, RedirectAttributes redirect) {
		Outcome<Account> change = this.accounts.enable(id, admin.actor());
		if (change.isRefused()) {
			throw HtmlRefusals.page(change.refusal());
		}
		redirect.addFlashAttribute("message",
				"Enabled " + change.value().username() + ". They can sign in again, and their API tokens work again.");
		return "redirect:/admin/users";
	}

	/**
	 * The users page with the last admin's refusal next to the field of their row, in
	 * words that name them; any other refusal is its error page.
	 */
	private String showLastAdmin(long id, Refusal refusal, String field, String consequence, Model model,
			HttpServletResponse response) {
		Optional<Account> account = this.accounts.find(id);
		if (refusal != AccountRefusal.LAST_ADMIN || account.isEmpty()) {
			throw HtmlRefusals.page(refusal);
		}
		return showUsersWithRowError(new RowError(id, field, account.get().username() + " is the only active admin, so "
				+ consequence + ". Make someone else an admin first."), refusal.status(), model, response);
	}

	private String showUsersWithRowError(RowError error, HttpStatus status, Model model, HttpServletResponse response) {
		if (this.accounts.find(error.userId()).isEmpty()) {
			throw HtmlRefusals.page(CommonRefusal.NOT_FOUND);
		}
		model.addAttribute("form", new UserForm("", "", Role.member));
		model.addAttribute("rowError", error);
		response.setStatus(status.value());
		return showUsers(model);
	}

	private String showUsers(Model model) {
		model.addAttribute("users", this.accounts.all());
		model.addAttribute("tokenCounts", this.accounts.tokenCounts());
		model.addAttribute("passwordRule", PasswordRule.IN_WORDS);
		model.addAttribute("roleChoices", ROLES);
		model.addAttribute("guestLinkChoices", GUEST_LINKS);
		return "account/users";
	}

	private static String label(List<Choice> choices, String value) {
		return choices.stream().filter((choice) -> choice.value().equals(value)).findFirst().orElseThrow().label();
	}

	record UserForm(@NotBlank(message = "Enter a user name.") @Size(max = 50) String username,
			@NotEmpty(message = PasswordRule.MISSING) String password, @NotNull(message = "Choose a role.") Role role) {
	}

	/** A change of one user, as chosen: the values are checked as text, then read. */
	record UserChangeForm(
			@NotNull(message = CHOOSE_ROLE) @Pattern(regexp = "admin|member", message = CHOOSE_ROLE) String role,
			@NotNull(message = CHOOSE_GUEST_LINKS) @Pattern(regexp = "policy|allow|deny",
					message = CHOOSE_GUEST_LINKS) String guestLinks) {
	}

	/** One option of a choice: the value sent, the words shown. */
	record Choice(String value, String label) {
	}

	/** Why the change of one user's row was refused, shown next to that row's field. */
	record RowError(long userId, String field, String message) {

		public boolean isOn(long userId, String field) {
			return this.userId == userId && this.field.equals(field);
		}

	}

}
