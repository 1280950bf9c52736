package org.guestpass.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.guestpass.account.Account;
import org.guestpass.account.Accounts;
import org.guestpass.account.Role;
import org.guestpass.audit.Actor;
import org.guestpass.media.Captions;
import org.guestpass.media.MediaItem;
import org.guestpass.media.MediaLibrary;
import org.guestpass.media.MediaType;
import org.guestpass.media.Posters;
import org.guestpass.media.Viewer;
import org.guestpass.system.GuestPassProperties;
import org.guestpass.system.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * With {@code GUESTPASS_DEMO=true}, seeds a site that has no media yet, once: the member
 * {@value #USERNAME} with a known password, a short video with a poster and English and
 * French captions, a live session on the sample stream GuestPass serves itself, and a
 * meeting room. Guest access stays off, so a newcomer tries switching it on and creating
 * the links.
 */
@Component
@ConditionalOnBooleanProperty("guestpass.demo")
class DemoData {

	static final String USERNAME = "demo";

	static final String LIVE_STREAM_PATH = "/demo/live/stream.m3u8";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final Accounts accounts;

	private final MediaLibrary library;

	private final Captions captions;

	private final Posters posters;

	private final GuestPassProperties properties;

	private final String password;

	private int port = 8080;

	DemoData(Accounts accounts, MediaLibrary library, Captions captions, Posters posters,
			GuestPassProperties properties) {
		this.posters = posters;
		this.accounts = accounts;
		this.library = library;
		this.captions = captions;
		this.properties = properties;
		this.password = properties.demoPassword();
	}

	/** The port the server listens on, for the live session's stream URL. */
	@EventListener
	void listening(WebServerInitializedEvent event) {
		this.port = event.getWebServer().getPort();
	}

	/**
	 * Seeds once the server listens, so the live session can point at this server's own
	 * stream.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void seed() throws IOException {
		if (this.accounts.all().stream().anyMatch((account) -> account.username().equals(USERNAME))) {
			log.info("Demo mode: sign in as '{}' with the demo password", USERNAME);
			return;
		}
		if (!this.library.isEmpty()) {
			log.warn("Demo mode: this site already has media, so no demo data is added");
			return;
		}
		Outcome<Account> creation;
		try {
			creation = this.accounts.create(USERNAME, this.password, Role.member, Actor.demoMode());
		}
		catch (DataIntegrityViolationException ex) {
			return; // another node seeds at the same moment
		}
		if (creation.isRefused()) {
			log.warn("Demo mode: could not create the demo member ({})", creation.refusal().code());
			return;
		}
		Account demo = creation.value();
		Viewer owner = new Viewer(demo.id(), demo.username(), false);
		MediaItem video = this.library
			.addVideo(owner, "Welcome to GuestPass", "A twelve-second sample video with English and French captions.",
					new BundledFile("demo/sample-video.webm"))
			.value();
		try (InputStream poster = new ClassPathResource("demo/poster.jpg").getInputStream()) {
			this.posters.add(video.id(), owner, poster);
		}
		addCaptions(video, owner, "en", "English");
		addCaptions(video, owner, "fr", "Français");
		this.library.addLinked(owner, "Sample live session",
				"A short sample stream that GuestPass serves itself, played as a live session.", MediaType.live_session,
				publicUrl() + LIVE_STREAM_PATH);
		this.library.addLinked(owner, "Demo meeting room",
				"A Jitsi Meet room: guests join it under the name they type on the entry page.", MediaType.room,
				"https://meet.jit.si/GuestPassDemo-" + HexFormat.of().formatHex(randomBytes()));
		log.info("Demo mode: sign in as '{}' with the password '{}' to try guest links", USERNAME, this.password);
	}

	private void addCaptions(MediaItem video, Viewer owner, String language, String label) throws IOException {
		try (InputStream file = new ClassPathResource("demo/captions-" + language + ".vtt").getInputStream()) {
			this.captions.add(video.id(), owner, language, label, file);
		}
	}

	private String publicUrl() {
		URI base = this.properties.baseUrl();
		if (base != null) {
			String url = base.toString();
			return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		}
		return "http://localhost:" + this.port;
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[6];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
