package org.guestpass.account;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The sign-in sessions of an account, kept in the database by Spring Session, so that every node
 * sees them end together.
 */
@Component
class SignInSessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

	SignInSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository) {
		this.repository = repository;
	}

	/** Signs the account out everywhere: its next request starts a new session. */
	void endSessionsOf(String username) {
		FindByIndexNameSessionRepository<? extends Session> sessions = this.repository.getIfAvailable();
		if (sessions != null) {
			sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
		}
	}

}
