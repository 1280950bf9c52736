package org.guestpass.lti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.guestpass.MutableClock;
import org.guestpass.system.GuestPassProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ToolKeysTests {

	@TempDir
	Path data;

	final MutableClock clock = new MutableClock();

	@Test
	void makesOneOwnerOnlyKeyOnFirstStartAndReadsTheSameOneAfterARestart() throws Exception {
		ToolKeys first = keys();
		List<Path> files = files();
		assertThat(files).hasSize(1);
		assertThat(Files.readString(files.get(0))).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0)))).isEqualTo("rw-------");

		ToolKeys restarted = keys();
		assertThat(files()).hasSize(1);
		assertThat(restarted.signingKey().kid()).isEqualTo(first.signingKey().kid());
		assertThat(restarted.signingKey().kid()).as("the RFC 7638 thumbprint")
			.isEqualTo(first.signingKey().jwk().computeThumbprint().toString());
	}

	@Test
	void publishesOnlyPublicKeysForSigningWithRs256() {
		ToolKeys keys = keys();
		List<JWK> published = keys.publicKeys().getKeys();
		assertThat(published).hasSize(1);
		JWK key = published.get(0);
		assertThat(key.isPrivate()).isFalse();
		assertThat(key.getKeyID()).isEqualTo(keys.signingKey().kid());
		assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
		assertThat(keys.publicKeys().toJSONObject(true).toString()).doesNotContain("\"d\"").doesNotContain("\"p\"");
		assertThat(((RSAKey) key).size()).isEqualTo(2048);
	}

	@Test
	void whatTheSigningKeySignsVerifiesWithThePublishedKey() throws Exception {
		ToolKeys keys = keys();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.signingKey().kid()).build(),
				new JWTClaimsSet.Builder().issuer("guestpass").build());
		jwt.sign(new RSASSASigner(keys.signingKey().jwk()));
		RSAKey published = (RSAKey) keys.publicKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(SignedJWT.parse(jwt.serialize()).verify(new RSASSAVerifier(published))).isTrue();
	}

	@Test
	void aNewKeySignsAtOnceWhileTheOldStaysPublishedUntilItIsRetired() {
		ToolKeys keys = keys();
		String old = keys.signingKey().kid();
		this.clock.advance(Duration.ofSeconds(1));
		String added = keys.add().kid();

		assertThat(added).isNotEqualTo(old);
		assertThat(keys.signingKey().kid()).isEqualTo(added);
		assertThat(keys.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(old, added);
		assertThat(keys().signingKey().kid()).as("another node sharing the folder").isEqualTo(added);

		assertThat(keys.retire(added)).as("the signing key").isFalse();
		assertThat(keys.retire("no-such-key")).isFalse();
		assertThat(keys.retire(old)).isTrue();
		assertThat(keys.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(added);
		assertThat(files()).hasSize(1);
	}

	@Test
	void aKeyAnotherNodeAddedToTheSharedFolderIsPublishedAndSignsHere() {
		ToolKeys here = keys();
		this.clock.advance(Duration.ofMinutes(1));
		ToolKeys there = keys();
		String added = there.add().kid();
		assertThat(here.signingKey().kid()).isEqualTo(added);
		assertThat(here.publicKeys().getKeys()).hasSize(2);
	}

	private ToolKeys keys() {
		GuestPassProperties properties = new Binder(
				new MapConfigurationPropertySource(Map.of("guestpass.data-dir", this.data.toString())))
			.bindOrCreate("guestpass", GuestPassProperties.class);
		return new ToolKeys(properties, this.clock, null);
	}

	private List<Path> files() {
		try (Stream<Path> listing = Files.list(this.data.resolve("lti-keys"))) {
			return listing.sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
