package org.guestpass.system;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.util.UriUtils;

/**
 * A path below the health check that names no health contributor is an unknown page, 404.
 * Spring Boot 4.0 answers one of two or more parts whose first part names nothing (such
 * as {@code /actuator/health/x/y}) with a 500 (its walk down the contributors asserts
 * that each part names one); this looks the parts up first, the same way, and lets
 * through every path that Spring Boot answers itself: the check, a group, a contributor,
 * a contributor's part, or a last part that names nothing (its own 404).
 */
@Configuration(proxyBeanMethods = false)
class HealthPaths {

	private static final String HEALTH = "/actuator/health/";

	@Bean
	FilterRegistrationBean<Filter> unknownHealthPaths(ObjectProvider<HealthContributorRegistry> registry,
			ObjectProvider<HealthEndpointGroups> groups) {
		Filter filter = (request, response, chain) -> {
			HttpServletRequest http = (HttpServletRequest) request;
			HealthContributorRegistry contributors = registry.getIfAvailable();
			if (contributors != null && namesNothing(path(http), contributors, groups.getIfAvailable())) {
				((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND);
				return;
			}
			chain.doFilter(request, response);
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setUrlPatterns(List.of(HEALTH + "*"));
		return registration;
	}

	/** The parts of the path below the health check, decoded. */
	private static String[] path(HttpServletRequest request) {
		String below = request.getRequestURI().substring(request.getContextPath().length());
		below = below.startsWith(HEALTH) ? below.substring(HEALTH.length()) : "";
		String[] parts = below.split("/");
		for (int i = 0; i < parts.length; i++) {
			parts[i] = UriUtils.decode(parts[i], StandardCharsets.UTF_8);
		}
		return parts;
	}

	/**
	 * Whether a part before the last names no contributor, where Spring Boot would fail.
	 */
	static boolean namesNothing(String[] parts, HealthContributors root, HealthEndpointGroups groups) {
		int first = (parts.length > 1 && groups != null && groups.get(parts[0]) != null) ? 1 : 0;
		HealthContributors current = root;
		for (int i = first; i < parts.length - 1; i++) {
			HealthContributor child = current.getContributor(parts[i]);
			if (child == null) {
				return true;
			}
			if (!(child instanceof HealthContributors composite)) {
				return false;
			}
			current = composite;
		}
		return false;
	}

}
