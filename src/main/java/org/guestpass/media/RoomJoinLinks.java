package org.guestpass.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The address that takes a guest into a room under the name they typed, the way the room
 * software accepts a display name: Jitsi Meet in the URL fragment
 * ({@code #userInfo.displayName="…"}, a JSON string, which Jitsi parses), Whereby in the
 * query ({@code ?displayName=…}). Other room software gets the join URL as it is. The
 * name is always percent-encoded, so it cannot change the address around it.
 */
public final class RoomJoinLinks {

	private RoomJoinLinks() {
	}

	public static String forGuest(String joinUrl, String guestName) {
		URI uri;
		try {
			uri = new URI(joinUrl);
		}
		catch (URISyntaxException ex) {
			return joinUrl;
		}
		String host = (uri.getHost() == null) ? "" : uri.getHost().toLowerCase(Locale.ROOT);
		if (host.equals("meet.jit.si") || host.startsWith("jitsi.") || host.contains(".jitsi.")) {
			String withoutFragment = (uri.getRawFragment() == null) ? joinUrl
					: joinUrl.substring(0, joinUrl.indexOf('#'));
			return withoutFragment + "#userInfo.displayName=" + encode(jsonString(guestName));
		}
		String name = encode(guestName);
		if (host.equals("whereby.com") || host.endsWith(".whereby.com")) {
			String separator = (uri.getRawQuery() == null) ? "?" : "&";
			String withoutFragment = (uri.getRawFragment() == null) ? joinUrl
					: joinUrl.substring(0, joinUrl.indexOf('#'));
			return withoutFragment + separator + "displayName=" + name;
		}
		return joinUrl;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * The name as a JSON string: quoted, with quotes, backslashes and control characters
	 * escaped.
	 */
	private static String jsonString(String text) {
		StringBuilder json = new StringBuilder("\"");
		text.codePoints().forEach((c) -> {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", c));
					}
					else {
						json.appendCodePoint(c);
					}
				}
			}
		});
		return json.append('"').toString();
	}

}
