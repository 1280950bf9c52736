package org.guestpass.lti;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * What a platform's issuer and endpoints may be: absolute {@code https://} addresses with
 * a host and no user name, password or fragment, of at most {@value #MAX} printable ASCII
 * characters (an address with other characters is written percent-encoded, its host in
 * punycode). Plain {@code http://} is allowed only on the machine itself (localhost,
 * 127.0.0.1, [::1]), where a test platform runs; a platform on the network must use TLS,
 * as the LTI security framework requires.
 */
final class PlatformUrls {

	static final int MAX = 2000;

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

	private PlatformUrls() {
	}

	/** The one sentence for a URL that breaks the rule, naming the field. */
	static String message(String what) {
		return "Enter the platform's " + what + " as an https:// address of at most " + MAX + " characters.";
	}

	static boolean isValid(String url, boolean httpLoopback) {
		if (url == null || url.isEmpty() || url.length() > MAX || !url.chars().allMatch((c) -> c > 0x20 && c < 0x7f)) {
			return false;
		}
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : null;
			if (!uri.isAbsolute() || host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
				return false;
			}
			return scheme.equals("https") || (httpLoopback && scheme.equals("http") && LOOPBACK.contains(host));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * The origin of a valid URL: its scheme, host and port, as a browser compares them.
	 */
	static String origin(String url) {
		URI uri = URI.create(url);
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
				|| (scheme.equals("http") && port == 80);
		return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
	}

}
