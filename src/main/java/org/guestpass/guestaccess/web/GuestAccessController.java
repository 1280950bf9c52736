package org.guestpass.guestaccess.web;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.guestpass.guestaccess.CourseEnds;
import org.guestpass.guestaccess.GuestAccess;
import org.guestpass.guestaccess.GuestAccessView;
import org.guestpass.guestaccess.GuestLink;
import org.guestpass.guestaccess.GuestLinkStatus;
import org.guestpass.guestaccess.ManagementRefusal;
import org.guestpass.guestaccess.NewGuestLink;
import org.guestpass.guestaccess.TextRules;
import org.guestpass.media.Viewer;
import org.guestpass.system.HtmlRefusals;
import org.guestpass.system.Outcome;
import org.guestpass.system.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Manage guest access" page of one item, which works without JavaScript: the switch,
 * the links with their expiry and clicks, creating and deleting links.
 */
@Controller
class GuestAccessController {

	static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final GuestAccess guestAccess;

	private final GuestLinkUrls urls;

	private final Clock clock;

	GuestAccessController(GuestAccess guestAccess, GuestLinkUrls urls, Clock clock) {
		this.clock = clock;
		this.guestAccess = guestAccess;
		this.urls = urls;
	}

	@GetMapping("/media/{mediaId:\\d+}/guest-access")
	ModelAndView show(@PathVariable long mediaId, Viewer viewer) {
		return page(mediaId, viewer, null, null);
	}

	@GetMapping("/media/{mediaId:\\d+}/guest-links/new")
	ModelAndView initCreationForm(@PathVariable long mediaId, Viewer viewer) {
		ModelAndView page = page(mediaId, viewer, null, null);
		page.setViewName("guestaccess/create");
		return page;
	}

	@PostMapping("/media/{mediaId:\\d+}/guest-access")
	String processSwitch(@PathVariable long mediaId, @RequestParam(defaultValue = "false") boolean enabled,
			Viewer viewer, RedirectAttributes redirect) {
		Outcome<GuestAccessView> outcome = this.guestAccess.setEnabled(mediaId, enabled, viewer);
		if (outcome.isRefused()) {
			throw HtmlRefusals.page(outcome.refusal());
		}
		redirect.addFlashAttribute("message", enabled ? "Guest access is on." : "Guest access is off.");
		return "redirect:/media/" + mediaId + "/guest-access";
	}

	@PostMapping("/media/{mediaId:\\d+}/guest-links")
	ModelAndView processCreationForm(@PathVariable long mediaId, @ModelAttribute("form") LinkForm form, Viewer viewer,
			HttpServletResponse response, RedirectAttributes redirect) {
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		Integer maxClicks = NewGuestLink.CLICKS.read(form.maxClicks(), "maxClicks", errors);
		Integer durationDays = this.guestAccess.durationRule().read(form.durationDays(), "durationDays", errors);
		if (!NewGuestLink.isValidName(form.name())) {
			HtmlRefusals.reject(ManagementRefusal.LINK_NAME_INVALID, errors);
		}
		if (!errors.hasErrors()) {
			Outcome<GuestLink> outcome = this.guestAccess.createLink(mediaId,
					new NewGuestLink(form.name(), maxClicks, durationDays), viewer);
			if (!outcome.isRefused()) {
				redirect.addFlashAttribute("message", "Created the link \"" + outcome.value().name() + "\".");
				return new ModelAndView("redirect:/media/" + mediaId + "/guest-access");
			}
			if (!isShownOnTheForm(outcome.refusal())) {
				throw HtmlRefusals.page(outcome.refusal());
			}
			HtmlRefusals.reject(outcome.refusal(), errors);
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return page(mediaId, viewer, form, errors);
	}

	/**
	 * A refusal that the owner can act on in the create form is shown there (the duration
	 * next to its field, the switch and the number of links above the form); any other
	 * one is the error page with its status.
	 */
	private static boolean isShownOnTheForm(Refusal refusal) {
		Refusal kind = refusal.kind();
		return kind == ManagementRefusal.DURATION_TOO_LONG || kind == ManagementRefusal.DURATION_PAST_COURSE_END
				|| kind == ManagementRefusal.LINK_LIMIT_REACHED || kind == ManagementRefusal.GUEST_ACCESS_DISABLED;
	}

	@GetMapping("/media/{mediaId:\\d+}/guest-links/{linkId:\\d+}/delete")
	ModelAndView confirmDeletion(@PathVariable long mediaId, @PathVariable long linkId, Viewer viewer) {
		Outcome<GuestAccessView> outcome = this.guestAccess.view(mediaId, viewer);
		if (outcome.isRefused()) {
			throw HtmlRefusals.page(outcome.refusal());
		}
		GuestLink link = outcome.value()
			.links()
			.stream()
			.filter((candidate) -> candidate.id() == linkId)
			.findFirst()
			.orElseThrow(() -> HtmlRefusals.page(ManagementRefusal.LINK_NOT_FOUND));
		ModelAndView page = new ModelAndView("guestaccess/delete");
		page.addObject("mediaId", mediaId);
		page.addObject("link", link);
		return page;
	}

	@PostMapping("/media/{mediaId:\\d+}/guest-links/{linkId:\\d+}/delete")
	String processDeletion(@PathVariable long mediaId, @PathVariable long linkId, Viewer viewer,
			RedirectAttributes redirect) {
		Outcome<Long> outcome = this.guestAccess.deleteLink(mediaId, linkId, viewer);
		if (outcome.isRefused()) {
			throw HtmlRefusals.page(outcome.refusal());
		}
		redirect.addFlashAttribute("message", "The link was deleted.");
		return "redirect:/media/" + mediaId + "/guest-access";
	}

	/**
	 * The page with the create form as sent, or (form null) a new one: for a teacher
	 * launched from an LMS course that ends, its duration proposed to end with the
	 * course.
	 */
	private ModelAndView page(long mediaId, Viewer viewer, LinkForm form, BindingResult errors) {
		Outcome<GuestAccessView> outcome = this.guestAccess.view(mediaId, viewer);
		if (outcome.isRefused()) {
			throw HtmlRefusals.page(outcome.refusal());
		}
		GuestAccessView view = outcome.value();
		CourseEnds course = (viewer.courseEndsAt() != null)
				? CourseEnds.of(viewer.courseEndsAt(), this.clock.instant(), view.maxDurationDays()) : null;
		if (form == null) {
			form = (course != null && course.days() >= 1) ? new LinkForm("", "", String.valueOf(course.days()))
					: LinkForm.empty();
		}
		ModelAndView page = new ModelAndView("guestaccess/manage");
		page.addObject("item", view.item());
		page.addObject("access", view);
		page.addObject("rows", view.links().stream().map(this::row).toList());
		page.addObject("countLine", countLine(view.links().size()));
		page.addObject("form", form);
		page.addObject("nameRule", TextRules.LINK_NAME);
		page.addObject("clicksRule", NewGuestLink.CLICKS);
		if (course != null && course.days() >= 1) {
			page.addObject("durationHint", "Ends with the course on " + course.endsOn() + ".");
		}
		if (errors != null) {
			page.addObject(BindingResult.MODEL_KEY_PREFIX + "form", errors);
			page.addObject("createOpen", errors.hasErrors());
		}
		return page;
	}

	private LinkRow row(GuestLink link) {
		String expiration = (link.expiresAt() == null) ? "Never" : EXPIRY.format(link.expiresAt());
		String clicks = link.clicks() + " / " + ((link.maxClicks() == null) ? "unlimited" : link.maxClicks());
		return new LinkRow(link.id(), link.name(), this.urls.urlOf(link.token()), expiration, clicks, link.status());
	}

	static String countLine(int links) {
		return switch (links) {
			case 0 -> "No links added";
			case 1 -> "1 link";
			default -> links + " links";
		};
	}

	/**
	 * The create form as typed: numbers are text so that "abc" gets a message, not a 500.
	 */
	record LinkForm(String name, String maxClicks, String durationDays) {

		static LinkForm empty() {
			return new LinkForm("", "", "");
		}

	}

	/** One row of the links table, formatted for display. */
	record LinkRow(long id, String name, String url, String expiration, String clicks, GuestLinkStatus status) {

		public boolean isActive() {
			return this.status == GuestLinkStatus.active;
		}

		public String statusLabel() {
			return switch (this.status) {
				case active -> "Active";
				case inactive -> "Inactive";
				case expired -> "Expired";
				case used_up -> "Used up";
			};
		}

	}

}
