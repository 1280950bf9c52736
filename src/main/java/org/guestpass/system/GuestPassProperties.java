package org.guestpass.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * GuestPass settings, bound from {@code guestpass.*} properties and {@code GUESTPASS_*}
 * environment variables.
 *
 * @param dataDir where the embedded default keeps its database, media files and generated
 * secrets
 * @param storageDir where media files are stored (a folder every node shares in
 * production)
 * @param baseUrl the public URL used in copied guest links; when empty, taken from the
 * request
 * @param adminPassword the first admin's password; when empty, one is generated and
 * printed once
 * @param secret the server secret that protects guest link tokens; when empty, generated
 * into the data folder on first start
 * @param guestSessionLifetime how long a guest's admission lasts at most (never past the
 * link's expiry)
 * @param guestSessionIdle how long a guest's admission lasts without a page load
 * @param timeZone the site's time zone, for times typed into forms and shown without
 * JavaScript; the server's own zone when empty
 */
@ConfigurationProperties("guestpass")
public record GuestPassProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("./data/media") Path storageDir,
		URI baseUrl, String adminPassword, String secret, @DefaultValue("12h") Duration guestSessionLifetime,
		@DefaultValue("2h") Duration guestSessionIdle, ZoneId timeZone) {

	public GuestPassProperties {
		if (timeZone == null) {
			timeZone = ZoneId.systemDefault();
		}
		if (baseUrl != null && baseUrl.toString().isBlank()) {
			baseUrl = null;
		}
	}

}
