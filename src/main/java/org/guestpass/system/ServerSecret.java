package org.guestpass.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * The server secret: from {@code GUESTPASS_SECRET}, or generated into the data folder on
 * first start. It keys the encryption of what owners need to copy a guest link again, so
 * a copy of the database alone yields no working link.
 */
@Component
public class ServerSecret {

	private static final Logger log = LoggerFactory.getLogger(ServerSecret.class);

	private static final String MAC = "HmacSHA256";

	// A fixed, public salt: the secret itself carries the entropy.
	private static final String SALT = "6775657374706173732d6c696e6b73";

	private final TextEncryptor encryptor;

	private final SecretKeySpec signingKey;

	ServerSecret(GuestPassProperties properties) {
		String secret = properties.secret();
		if (secret == null || secret.isBlank()) {
			secret = readOrCreate(properties.dataDir().resolve("server-secret"));
		}
		this.encryptor = Encryptors.delux(secret, SALT);
		this.signingKey = new SecretKeySpec(sha256("signing:" + secret), MAC);
	}

	/**
	 * A signature of the value under the server secret (HMAC-SHA256, base64url), for
	 * values that are stored in the database but must be worthless there without it, such
	 * as a session id in its cookie. The purpose keeps signatures made for one use from
	 * being valid for another.
	 */
	public String sign(String purpose, String value) {
		try {
			Mac mac = Mac.getInstance(MAC);
			mac.init(this.signingKey);
			byte[] signature = mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", ex);
		}
	}

	/**
	 * Whether the signature is what {@link #sign} makes of the value, compared in
	 * constant time.
	 */
	public boolean verify(String purpose, String value, String signature) {
		return MessageDigest.isEqual(sign(purpose, value).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

	/** Encrypts with AES-GCM under the server secret (a fresh IV each time). */
	public String seal(String plain) {
		return this.encryptor.encrypt(plain);
	}

	/**
	 * Decrypts what {@link #seal} produced; throws when it was sealed under another
	 * secret.
	 */
	public String unseal(String sealed) {
		return this.encryptor.decrypt(sealed);
	}

	private static String readOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.US_ASCII).trim();
			}
			OwnerOnlyFiles.createFolders(file.getParent());
			String secret = Tokens.generate();
			OwnerOnlyFiles.write(file, secret);
			log.info("Generated a new server secret in {}", file.toAbsolutePath());
			return secret;
		}
		catch (FileAlreadyExistsException ex) {
			return readOrCreate(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the server secret " + file, ex);
		}
	}

}
