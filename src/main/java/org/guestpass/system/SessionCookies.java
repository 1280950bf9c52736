package org.guestpass.system;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The sign-in session cookie: {@code HttpOnly} and {@code SameSite=Lax}, and behind HTTPS
 * {@code Secure} with the {@code __Host-} prefix, which a browser only accepts from this exact host
 * over HTTPS. The embedded default on plain HTTP keeps a plain name, which browsers would refuse
 * otherwise.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookies {

	static final String NAME = "SESSION";

	@Bean
	CookieSerializer cookieSerializer() {
		return new HostPrefixedCookieSerializer(serializer(NAME, false), serializer("__Host-" + NAME, true));
	}

	private static DefaultCookieSerializer serializer(String name, boolean secure) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(name);
		serializer.setUseSecureCookie(secure);
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setCookiePath("/");
		return serializer;
	}

	private record HostPrefixedCookieSerializer(CookieSerializer plain, CookieSerializer secure)
			implements CookieSerializer {

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

}
