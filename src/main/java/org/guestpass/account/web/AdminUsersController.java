package org.guestpass.account.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.guestpass.account.Accounts;
import org.guestpass.account.Role;
import org.guestpass.account.SignedIn;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's users page: the list, and a form to create a user.
 */
@Controller
class AdminUsersController {

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
			Accounts.Creation creation = this.accounts.create(form.username(), form.password(), form.role(),
					admin.getUsername());
			if (creation.refusal() == null) {
				redirect.addFlashAttribute("message", "Created " + creation.account().username() + ".");
				return "redirect:/admin/users";
			}
			switch (creation.refusal()) {
				case USERNAME_INVALID -> result.rejectValue("username", "invalid",
						"Use 3 to 50 letters, digits, dots, dashes or underscores.");
				case USERNAME_TAKEN -> result.rejectValue("username", "taken", "This user name is taken.");
				case PASSWORD_TOO_SHORT -> result.rejectValue("password", "short",
						"Use at least " + Accounts.MIN_PASSWORD_LENGTH + " characters.");
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return showUsers(model);
	}

	private String showUsers(Model model) {
		model.addAttribute("users", this.accounts.all());
		model.addAttribute("roles", Role.values());
		return "account/users";
	}

	record UserForm(@NotBlank(message = "Enter a user name.") @Size(max = 50) String username,
			@NotBlank(message = "Enter a password.") @Size(max = 200) String password,
			@NotNull(message = "Choose a role.") Role role) {
	}

}
