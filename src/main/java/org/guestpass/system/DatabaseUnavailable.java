package org.guestpass.system;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached, every request gets a clear 503 "try again
 * shortly" (a page, or a problem detail under /api) with {@code Retry-After}, never a
 * 500. Nothing was written: an admission is one transaction, so a guest is never let in
 * without the click being counted. Service resumes by itself once the connection pool
 * reaches the database again. The answer carries the same security headers as every
 * other.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailable extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	static final String RETRY_AFTER_SECONDS = "10";

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
			<title>GuestPass is briefly unavailable</title><link rel="stylesheet" href="/css/guestpass.css"></head>
			<body><main id="main" class="narrow guest message"><div class="card">
			<h1>GuestPass is briefly unavailable</h1>
			<p>We can't reach our database for a moment. Nothing you sent was lost or half-saved.
			Please try again in a few seconds.</p></div></main></body></html>
			""";

	private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
			+ "\"detail\":\"The database cannot be reached right now. Nothing was changed; try again shortly.\","
			+ "\"code\":\"unavailable\"}";

	private final SecurityHeaders headers;

	DatabaseUnavailable(SecurityHeaders headers) {
		this.headers = headers;
	}

	/** An error page that needs the database (to read the session) fails the same way. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		doFilterInternal(request, response, chain);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!isDatabaseUnreachable(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("The database cannot be reached: answering 503 ({})", causes(ex));
			respond(request, response);
		}
	}

	/**
	 * Whether the failure, or anything that caused it, says the database cannot be
	 * reached: a lost or refused connection (SQL state class 08), a server shutting down
	 * (57P), a commit or rollback that could not complete, or Spring's words for them.
	 */
	public static boolean isDatabaseUnreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
			if (cause instanceof TransactionSystemException) {
				// A commit or rollback that failed: the connection was lost under the
				// transaction.
				return true;
			}
		}
		return false;
	}

	/**
	 * The failure's chain of causes by class and SQL state, which tell an operator what
	 * failed; never their messages, which may quote what a person sent.
	 */
	static String causes(Throwable failure) {
		StringBuilder chain = new StringBuilder();
		for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (!chain.isEmpty()) {
				chain.append(" < ");
			}
			chain.append(cause.getClass().getSimpleName());
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				chain.append(" [").append(sql.getSQLState()).append(']');
			}
		}
		return chain.toString();
	}

	private void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// What the failed request had set goes, the security chain's headers with it;
		// they are written again.
		response.reset();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		this.headers.writeTo(request, response);
		response.setCharacterEncoding("UTF-8");
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write(PROBLEM);
		}
		else {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write(PAGE);
		}
	}

}
