package org.guestpass.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "account/login";
	}

	@GetMapping("/")
	String home() {
		return "redirect:/media";
	}

}
