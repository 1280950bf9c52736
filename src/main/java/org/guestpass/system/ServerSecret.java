package org.guestpass.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * The server secret: from {@code GUESTPASS_SECRET}, or generated into the data folder on first
 * start. It keys the encryption of what owners need to copy a guest link again, so a copy of the
 * database alone yields no working link.
 */
@Component
public class ServerSecret {

	private static final Logger log = LoggerFactory.getLogger(ServerSecret.class);

	// A fixed, public salt: the secret itself carries the entropy.
	private static final String SALT = "6775657374706173732d6c696e6b73";

	private final TextEncryptor encryptor;

	ServerSecret(GuestPassProperties properties) {
		String secret = properties.secret();
		if (secret == null || secret.isBlank()) {
			secret = readOrCreate(properties.dataDir().resolve("server-secret"));
		}
		this.encryptor = Encryptors.delux(secret, SALT);
	}

	/** Encrypts with AES-GCM under the server secret (a fresh IV each time). */
	public String seal(String plain) {
		return this.encryptor.encrypt(plain);
	}

	/** Decrypts what {@link #seal} produced; throws when it was sealed under another secret. */
	public String unseal(String sealed) {
		return this.encryptor.decrypt(sealed);
	}

	private static String readOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.US_ASCII).trim();
			}
			Files.createDirectories(file.getParent());
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
