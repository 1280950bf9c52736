package org.guestpass.media.web;

import java.lang.reflect.Method;
import java.util.List;

import org.guestpass.account.SignedIn;
import org.guestpass.media.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A handler's {@link Viewer} parameter is the signed-in person who asks.
 */
class ViewerArgumentsTests {

	private final ViewerArguments.Resolver resolver = new ViewerArguments.Resolver();

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theViewerIsWhoeverIsSignedIn() throws Exception {
		SignedIn admin = mock(SignedIn.class);
		given(admin.id()).willReturn(7L);
		given(admin.getUsername()).willReturn("ada");
		given(admin.isAdmin()).willReturn(true);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, List.of()));

		MethodParameter parameter = parameter("handler");

		assertThat(this.resolver.supportsParameter(parameter)).isTrue();
		assertThat(this.resolver.resolveArgument(parameter, null, null, null)).isEqualTo(new Viewer(7, "ada", true));
	}

	@Test
	void onlyAViewerParameterIsResolved() throws Exception {
		assertThat(this.resolver.supportsParameter(new MethodParameter(handlerMethod("other"), 0))).isFalse();
	}

	@Test
	void noOneSignedInIsRefusedRatherThanSeenAsSomeone() throws Exception {
		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> this.resolver.resolveArgument(parameter("handler"), null, null, null));
	}

	private static MethodParameter parameter(String name) throws NoSuchMethodException {
		return new MethodParameter(handlerMethod(name), 0);
	}

	private static Method handlerMethod(String name) throws NoSuchMethodException {
		return Handlers.class.getDeclaredMethod(name, name.equals("handler") ? Viewer.class : String.class);
	}

	/** Handler methods to resolve parameters of. */
	static class Handlers {

		void handler(Viewer viewer) {
		}

		void other(String text) {
		}

	}

}
