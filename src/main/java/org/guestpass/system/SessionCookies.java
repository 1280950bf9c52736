package org.guestpass.system;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The sign-in session cookie: {@code HttpOnly} and {@code SameSite=Lax}, and behind HTTPS
 * {@code Secure} with the {@code __Host-} prefix, which a browser only accepts from this
 * exact host over HTTPS (so a sibling subdomain cannot plant one). The embedded default
 * on plain HTTP keeps a plain name, which browsers would refuse otherwise.
 * <p>
 * The cookie carries the session id with a signature under the server secret. Spring
 * Session stores the id as it is, so a copy of the database alone holds every session's
 * id: without the signature it opens none of them.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookies {

	static final String NAME = "SESSION";

	private static final String PURPOSE = "session-cookie";

	@Bean
	CookieSerializer cookieSerializer(ServerSecret secret) {
		return new SignedCookieSerializer(
				new HostPrefixedCookieSerializer(serializer(NAME, false), serializer("__Host-" + NAME, true)), secret);
	}

	private static DefaultCookieSerializer serializer(String name, boolean secure) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(name);
		serializer.setUseSecureCookie(secure);
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setCookiePath("/");
		// The value is "id.signature": already cookie-safe.
		serializer.setUseBase64Encoding(false);
		return serializer;
	}

	private record HostPrefixedCookieSerializer(CookieSerializer plain,
			CookieSerializer secure) implements CookieSerializer {

		@Override
		public void writeCookieValue(CookieValue cookieValue) {
			serializerFor(cookieValue.getRequest()).writeCookieValue(cookieValue);
		}

		@Override
		public List<String> readCookieValues(HttpServletRequest request) {
			return serializerFor(request).readCookieValues(request);
		}

		private CookieSerializer serializerFor(HttpServletRequest request) {
			return request.isSecure() ? this.secure : this.plain;
		}

	}

	/** Writes "id.signature" and reads back only the ids whose signature holds. */
	private record SignedCookieSerializer(CookieSerializer cookies, ServerSecret secret) implements CookieSerializer {

		@Override
		public void writeCookieValue(CookieValue cookieValue) {
			String id = cookieValue.getCookieValue();
			if (id != null && !id.isEmpty()) {
				CookieValue signed = new CookieValue(cookieValue.getRequest(), cookieValue.getResponse(),
						id + "." + this.secret.sign(PURPOSE, id));
				signed.setCookieMaxAge(cookieValue.getCookieMaxAge());
				cookieValue = signed;
			}
			this.cookies.writeCookieValue(cookieValue);
		}

		@Override
		public List<String> readCookieValues(HttpServletRequest request) {
			return this.cookies.readCookieValues(request)
				.stream()
				.filter((value) -> value.lastIndexOf('.') > 0)
				.filter((value) -> this.secret.verify(PURPOSE, value.substring(0, value.lastIndexOf('.')),
						value.substring(value.lastIndexOf('.') + 1)))
				.map((value) -> value.substring(0, value.lastIndexOf('.')))
				.toList();
		}

	}

}
