package org.guestpass.account;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sign-in sessions of an account, kept in the database by Spring Session, so that
 * every node sees them end together.
 */
@Component
class SignInSessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

	SignInSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository) {
		this.repository = repository;
	}

	/**
	 * Signs the account out everywhere: its next request starts a new session. Inside a
	 * transaction the sessions end once it has committed (Spring Session deletes in
	 * transactions of its own), so a sign-in that still read the account as it was before
	 * the change, and finished before the commit, is ended too.
	 */
	void endSessionsOf(String username) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					endNow(username);
				}
			});
		}
		else {
			endNow(username);
		}
	}

	private void endNow(String username) {
		FindByIndexNameSessionRepository<? extends Session> sessions = this.repository.getIfAvailable();
		if (sessions != null) {
			sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
		}
	}

}
