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
 * exact host over HTTPS (so a sibling subdomain cannot plant one). The session of an LTI
 * launch is shown in the LMS's frame: its cookie is {@code SameSite=None} and
 * {@code Partitioned}. The embedded default on plain HTTP keeps a plain name, which
 * browsers would refuse otherwise.
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
		DefaultCookieSerializer inLmsFrame = serializer("__Host-" + NAME, true, "None");
		inLmsFrame.setPartitioned(true);
		return new SignedCookieSerializer(new HostPrefixedCookieSerializer(serializer(NAME, false, "Lax"),
				serializer("__Host-" + NAME, true, "Lax"), inLmsFrame), secret);
	}

	private static DefaultCookieSerializer serializer(String name, boolean secure, String sameSite) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(name);
		serializer.setUseSecureCookie(secure);
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite(sameSite);
		serializer.setCookiePath("/");
		// The value is "id.signature": already cookie-safe.
		serializer.setUseBase64Encoding(false);
		return serializer;
	}

	/**
	 * Plain on HTTP; behind HTTPS {@code __Host-} and Lax, or, for the session of an LTI
	 * launch, which the LMS shows in its cross-site frame, {@code SameSite=None} and
	 * partitioned by the LMS's site (CHIPS), so that no other site's frame shares it.
	 */
	private record HostPrefixedCookieSerializer(CookieSerializer plain, CookieSerializer secure,
			CookieSerializer inLmsFrame) implements CookieSerializer {

		@Override
		public void writeCookieValue(CookieValue cookieValue) {
			HttpServletRequest request = cookieValue.getRequest();
			if (request.isSecure() && LmsFrame.wantsCrossSiteCookie(request)) {
				this.inLmsFrame.writeCookieValue(cookieValue);
			}
			else {
				serializerFor(request).writeCookieValue(cookieValue);
			}
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
