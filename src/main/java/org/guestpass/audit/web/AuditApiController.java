package org.guestpass.audit.web;

import java.util.List;

import org.guestpass.audit.AuditEvent;
import org.guestpass.audit.AuditLog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for admins, newest first.
 */
@RestController
class AuditApiController {

	private static final int MOST = 1000;

	private final AuditLog audit;

	AuditApiController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/v1/admin/audit")
	List<AuditEvent> recent(@RequestParam(required = false) Long mediaId,
			@RequestParam(defaultValue = "100") int limit) {
		return this.audit.recent(mediaId, Math.max(1, Math.min(limit, MOST)));
	}

}
