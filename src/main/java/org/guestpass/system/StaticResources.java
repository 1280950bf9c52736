package org.guestpass.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Static files come through Spring's resource chain, which caches where each one was
 * found. The chain's URL rewriting is left off: it looked every link of a page up in the
 * jar's static folders on every render (a miss is never cached), which cost a guest's
 * page load more than all its database work. Pages name their files exactly, and webjars
 * without their version (webjars-locator-lite finds it once, then the chain's cache
 * remembers), so nothing needs rewriting and versions live only in the build.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources {

	@Bean
	ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
		return new ResourceUrlEncodingFilter();
	}

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterRegistration(
			ResourceUrlEncodingFilter filter) {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

}
