package org.guestpass.system;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The error page shows errors that happened; it is not a page of its own. Asked for
 * directly, at {@code /error} or below it, with any method, it is an unknown page: 404,
 * as any other (Spring Boot's error controller would answer 500, having no error to
 * show). Errors that the container forwards there (an error dispatch, not a request)
 * still show with their own status.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPath {

	/**
	 * Where Spring Boot's error controller listens; public in
	 * {@link SecurityConfiguration}.
	 */
	static final String PATH = "/error";

	@Bean
	FilterRegistrationBean<Filter> directErrorRequests() {
		Filter notFound = (request, response, chain) -> ((HttpServletResponse) response)
			.sendError(HttpServletResponse.SC_NOT_FOUND);
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(notFound);
		registration.setUrlPatterns(List.of(PATH, PATH + "/*"));
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		// Before Spring Security: a stranger's POST without a CSRF token is an unknown
		// page too, not a 403.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
