package org.guestpass.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * In demo mode, serves the bundled sample HLS stream at {@code /demo/live/}, to any
 * origin, so the demo's live session plays however the server is reached.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("guestpass.demo")
class DemoStream implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/demo/live/**").addResourceLocations("classpath:/demo/live/");
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping("/demo/live/**").allowedOrigins("*").allowedMethods("GET", "HEAD");
	}

}
