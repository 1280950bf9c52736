package org.guestpass.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The address that takes a guest into a room under the name they typed, the way the room software
 * accepts a display name: Jitsi Meet in the URL fragment ({@code #userInfo.displayName="…"}),
 * Whereby in the query ({@code ?displayName=…}). Other room software gets the join URL as it is.
 * The name is always percent-encoded, so it cannot change the address around it.
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
		String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
		String name = URLEncoder.encode(guestName, StandardCharsets.UTF_8).replace("+", "%20");
		if (host.equals("meet.jit.si") || host.startsWith("jitsi.") || host.contains(".jitsi.")) {
			String withoutFragment = uri.getRawFragment() == null ? joinUrl
					: joinUrl.substring(0, joinUrl.indexOf('#'));
			return withoutFragment + "#userInfo.displayName=%22" + name + "%22";
		}
		if (host.equals("whereby.com") || host.endsWith(".whereby.com")) {
			String separator = uri.getRawQuery() == null ? "?" : "&";
			String withoutFragment = uri.getRawFragment() == null ? joinUrl
					: joinUrl.substring(0, joinUrl.indexOf('#'));
			return withoutFragment + separator + "displayName=" + name;
		}
		return joinUrl;
	}

}
