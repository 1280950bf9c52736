package org.guestpass.lti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.guestpass.audit.Actor;
import org.guestpass.audit.AuditAction;
import org.guestpass.audit.AuditLog;
import org.guestpass.system.CommonRefusal;
import org.guestpass.system.GuestPassProperties;
import org.guestpass.system.Outcome;
import org.guestpass.system.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * GuestPass's own RSA key pairs, with which it signs what it sends a platform (such as a
 * deep linking response). Each is a PKCS#8 PEM file in the key folder
 * ({@code guestpass.lti.key-dir}, the data folder's {@code lti-keys} by default), made on
 * first start as the server secret is; nodes that share the folder share the keys. Every
 * key in the folder is published at {@code /lti/jwks}; the newest signs. To rotate, add a
 * key ({@link #add(Actor)}): platforms see it at once and it signs from then on, while
 * the old one stays published for what it signed; {@link #retire(String, Actor) retire}
 * the old one once platforms have fetched the new set (a day is plenty).
 */
@Component
public class ToolKeys {

	private static final Logger log = LoggerFactory.getLogger(ToolKeys.class);

	/** Key files are named by when they were made, so that the newest sorts last. */
	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Pattern KEY_FILE = Pattern.compile("key-(\\d{8}T\\d{9}Z)\\.pem");

	private static final Pattern PEM = Pattern
		.compile("-----BEGIN PRIVATE KEY-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END PRIVATE KEY-----");

	private static final int BITS = 2048;

	private final Path folder;

	private final Clock clock;

	/** The keys read so far, by file name: a file is read once. */
	private final Map<String, ToolKey> read = new ConcurrentHashMap<>();

	private final AuditLog audit;

	ToolKeys(GuestPassProperties properties, Clock clock, AuditLog audit) {
		this.folder = properties.lti().keyDir();
		this.clock = clock;
		this.audit = audit;
		if (keys().isEmpty()) {
			add();
		}
	}

	/** The key that signs: the newest. */
	public ToolKey signingKey() {
		List<ToolKey> keys = keys();
		if (keys.isEmpty()) {
			throw new IllegalStateException("No LTI signing key in " + this.folder.toAbsolutePath());
		}
		return keys.get(keys.size() - 1);
	}

	/** Every key, oldest first: all are published, the last signs. */
	public List<ToolKey> keys() {
		List<ToolKey> keys = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.folder, "key-*.pem")) {
			for (Path file : files) {
				String name = file.getFileName().toString();
				if (KEY_FILE.matcher(name).matches()) {
					keys.add(this.read.computeIfAbsent(name, (unread) -> read(file)));
				}
			}
		}
		catch (NoSuchFileException ex) {
			return List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the LTI key folder " + this.folder, ex);
		}
		this.read.keySet().retainAll(keys.stream().map(ToolKey::file).toList());
		keys.sort(Comparator.comparing(ToolKey::file));
		return keys;
	}

	/** The public keys as the JWKS that {@code /lti/jwks} serves. */
	public JWKSet publicKeys() {
		List<JWK> published = keys().stream().<JWK>map((key) -> key.jwk().toPublicJWK()).toList();
		return new JWKSet(published);
	}

	/** Makes a new key, which signs from now on; the others stay published. */
	ToolKey add() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(BITS);
			KeyPair pair = generator.generateKeyPair();
			OwnerOnlyFiles.createFolders(this.folder);
			Instant now = this.clock.instant();
			Path file = this.folder.resolve("key-" + FILE_TIME.format(now) + ".pem");
			String pem = "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(pair.getPrivate().getEncoded())
					+ "\n-----END PRIVATE KEY-----\n";
			OwnerOnlyFiles.write(file, pem);
			ToolKey key = read(file);
			log.info("Made a new LTI signing key {} in {}", key.kid(), this.folder.toAbsolutePath());
			return key;
		}
		catch (FileAlreadyExistsException ex) {
			// Another node made one in the same millisecond: that one is as good.
			return signingKey();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write an LTI key into " + this.folder, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is required by every Java platform", ex);
		}
	}

	/** Makes a new signing key, for an admin rotating the keys: audited. */
	@Transactional
	public ToolKey add(Actor actor) {
		ToolKey key = add();
		this.audit.record(actor, AuditAction.LTI_KEY_ADDED, null, null, AuditLog.OK, key.kid());
		return key;
	}

	/**
	 * Retires a key that no longer signs, for an admin finishing a rotation: audited. A
	 * key that does not exist is not found; the signing key is refused.
	 */
	@Transactional
	public Outcome<ToolKey> retire(String kid, Actor actor) {
		Optional<ToolKey> key = keys().stream().filter((candidate) -> candidate.kid().equals(kid)).findFirst();
		if (key.isEmpty()) {
			return Outcome.refused(CommonRefusal.NOT_FOUND);
		}
		if (!retire(kid)) {
			return Outcome.refused(LtiRefusal.SIGNING_KEY);
		}
		this.audit.record(actor, AuditAction.LTI_KEY_RETIRED, null, null, AuditLog.OK, kid);
		return Outcome.done(key.get());
	}

	/**
	 * Removes a key that no longer signs, so that it is no longer published: false when
	 * there is no such key, or it is the signing key.
	 */
	boolean retire(String kid) {
		Optional<ToolKey> key = keys().stream().filter((candidate) -> candidate.kid().equals(kid)).findFirst();
		if (key.isEmpty() || key.get().kid().equals(signingKey().kid())) {
			return false;
		}
		try {
			Files.deleteIfExists(this.folder.resolve(key.get().file()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove the LTI key " + key.get().file(), ex);
		}
		this.read.remove(key.get().file());
		log.info("Retired the LTI key {}", kid);
		return true;
	}

	private static ToolKey read(Path file) {
		try {
			Matcher pem = PEM.matcher(Files.readString(file, StandardCharsets.US_ASCII));
			if (!pem.find()) {
				throw new IllegalStateException("Not a PKCS#8 PEM private key: " + file);
			}
			byte[] der = Base64.getMimeDecoder().decode(pem.group(1));
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			RSAKey jwk = new RSAKey.Builder(publicKey).privateKey(privateKey)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint()
				.build();
			Matcher name = KEY_FILE.matcher(file.getFileName().toString());
			Instant created = name.matches() ? FILE_TIME.parse(name.group(1), Instant::from)
					: Files.getLastModifiedTime(file).toInstant();
			return new ToolKey(file.getFileName().toString(), jwk, created);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the LTI key " + file, ex);
		}
		catch (GeneralSecurityException | JOSEException | ClassCastException ex) {
			throw new IllegalStateException("Not an RSA private key: " + file, ex);
		}
	}

	/**
	 * One of GuestPass's key pairs.
	 *
	 * @param file its file in the key folder
	 * @param jwk the key pair, with its {@code kid} (the RFC 7638 thumbprint), use and
	 * algorithm
	 * @param created when it was made
	 */
	public record ToolKey(String file, RSAKey jwk, Instant created) {

		public String kid() {
			return this.jwk.getKeyID();
		}

	}

}
