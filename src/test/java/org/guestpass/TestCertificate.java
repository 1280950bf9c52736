package org.guestpass;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed TLS certificate for {@code localhost} and {@code 127.0.0.1}, made once
 * per test run with the JDK's own {@code keytool}, for the tests that need HTTPS (a
 * browser only keeps {@code Secure; SameSite=None} cookies over HTTPS). Browsers that
 * open such pages are told to accept it.
 */
public final class TestCertificate {

	public static final String PASSWORD = "test-only-" + Long.toHexString(System.nanoTime());

	public static final String ALIAS = "guestpass-test";

	private static Path keyStore;

	private TestCertificate() {
	}

	/** The PKCS#12 key store holding the key pair and its certificate. */
	public static synchronized Path keyStore() {
		if (keyStore == null) {
			try {
				Path folder = Files.createTempDirectory("guestpass-tls-");
				Path file = folder.resolve("test.p12");
				Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
				Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg",
						"RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext",
						"SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", file.toString(),
						"-storepass", PASSWORD, "-keypass", PASSWORD)
					.redirectErrorStream(true)
					.start();
				String output = new String(process.getInputStream().readAllBytes());
				if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
					throw new IllegalStateException("keytool failed: " + output);
				}
				keyStore = file;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return keyStore;
	}

	/** A server-side TLS context with the certificate, for a test's own HTTPS server. */
	public static SSLContext serverContext() {
		try (InputStream in = Files.newInputStream(keyStore())) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, PASSWORD.toCharArray());
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(store, PASSWORD.toCharArray());
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), null, null);
			return context;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
