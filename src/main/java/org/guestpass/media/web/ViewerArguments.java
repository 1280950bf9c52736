package org.guestpass.media.web;

import java.util.List;

import org.guestpass.account.SignedIn;
import org.guestpass.media.Viewer;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every handler that declares a {@link Viewer} parameter the signed-in person who
 * asks, from a browser's sign-in session or an API token alike, so that no controller
 * turns the principal into a viewer by hand.
 */
@Configuration(proxyBeanMethods = false)
class ViewerArguments implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new Resolver());
	}

	/** Resolves a {@link Viewer} from the request's authentication. */
	static final class Resolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return Viewer.class.equals(parameter.getParameterType());
		}

		@Override
		public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binders) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || !(authentication.getPrincipal() instanceof SignedIn signedIn)) {
				// Only signed-in pages and API paths declare a viewer: security let no
				// one else through.
				throw new AuthenticationCredentialsNotFoundException("No one is signed in");
			}
			return Viewer.of(signedIn);
		}

	}

}
