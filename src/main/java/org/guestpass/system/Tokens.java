package org.guestpass.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Random bearer secrets (guest link tokens, guest session cookies, API tokens) and the
 * hashes they are looked up by. A token carries 256 bits from a CSPRNG, encoded as 43
 * base64url characters.
 */
public final class Tokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private Tokens() {
	}

	/** A new token: 32 random bytes, base64url without padding. */
	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Whether the text has the shape of a token this class generates. */
	public static boolean isWellFormed(String candidate) {
		return candidate != null && SHAPE.matcher(candidate).matches();
	}

	/** The SHA-256 of the token in hex: what the database stores and looks up. */
	public static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

}
