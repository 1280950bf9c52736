package org.guestpass.audit.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.guestpass.audit.AuditEvent;
import org.guestpass.audit.AuditLog;
import org.guestpass.system.NumberRule;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The audit trail page for admins: the newest events first, optionally of one item only,
 * as many as asked for ({@code ?limit=}, 50 unless told) with a link to show more.
 */
@Controller
class AuditController {

	static final int DEFAULT_LIMIT = 50;

	static final int MOST = 1000;

	static final String ITEM_ID = "Enter an item id (a whole number), or leave it empty for every item.";

	/** How many events to show: the default when none is typed. */
	static final NumberRule LIMIT = NumberRule.optional(null, 1, MOST);

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	/** A field left empty means "not given". */
	@InitBinder("filter")
	void emptyIsAbsent(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/admin/audit")
	String recent(@Valid @ModelAttribute("filter") AuditFilter filter, BindingResult result, Model model,
			HttpServletResponse response) {
		LIMIT.read(filter.limit(), "limit", result);
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("invalid", true);
			return "admin/audit";
		}
		Long mediaId = filter.mediaIdOrNull();
		int limit = filter.limitOrDefault();
		List<AuditEvent> events = this.audit.recent(mediaId, limit + 1);
		model.addAttribute("invalid", false);
		model.addAttribute("rows", events.stream().limit(limit).map(AuditRow::of).toList());
		model.addAttribute("mediaId", mediaId);
		model.addAttribute("limit", limit);
		model.addAttribute("moreLimit", (events.size() > limit && limit < MOST) ? Math.min(limit * 2, MOST) : null);
		return "admin/audit";
	}

	/** The filter as typed: an optional item id and how many events to show. */
	record AuditFilter(@Pattern(regexp = "\\d{1,18}", message = ITEM_ID) String mediaId, String limit) {

		Long mediaIdOrNull() {
			return (this.mediaId != null) ? Long.valueOf(this.mediaId) : null;
		}

		int limitOrDefault() {
			return (this.limit != null) ? Integer.parseInt(this.limit) : DEFAULT_LIMIT;
		}

	}

	/** One event as the table shows it, its time in UTC. */
	record AuditRow(String time, String isoTime, AuditEvent event) {

		static AuditRow of(AuditEvent event) {
			return new AuditRow(UTC.format(event.occurredAt()), event.occurredAt().toString(), event);
		}

	}

}
