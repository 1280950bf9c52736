package org.guestpass.system;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who a request comes from, as the per-client rate limits count it. The address is the
 * peer's, or the one a trusted proxy forwarded
 * ({@code server.tomcat.remoteip.internal-proxies}, loopback only by default). An IPv6
 * client counts by its /64: one household, office or phone gets a whole /64 and can pick
 * any address in it, so counting single IPv6 addresses would count nothing.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	/** The key the client's requests are counted under. */
	public static String of(HttpServletRequest request) {
		return key(request.getRemoteAddr());
	}

	/**
	 * An IPv4 address as it is; an IPv6 address as its /64 prefix; anything unreadable as
	 * it is.
	 */
	static String key(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return String.valueOf(address);
		}
		try {
			// A literal never causes a lookup; an IPv4-mapped IPv6 address comes back as
			// IPv4.
			InetAddress parsed = InetAddress.getByName(address);
			if (!(parsed instanceof Inet6Address)) {
				return parsed.getHostAddress();
			}
			byte[] bytes = parsed.getAddress();
			HexFormat hex = HexFormat.of();
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				prefix.append(hex.toHexDigits(bytes[i])).append(hex.toHexDigits(bytes[i + 1])).append(':');
			}
			return prefix.append(":/64").toString();
		}
		catch (UnknownHostException | SecurityException ex) {
			return address;
		}
	}

}
