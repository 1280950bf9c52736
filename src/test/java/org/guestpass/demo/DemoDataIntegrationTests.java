package org.guestpass.demo;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.IntegrationTest;
import org.guestpass.TestClient;
import org.guestpass.account.Accounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo mode seeds an empty site once: a member with the known password, a captioned
 * video, a live session on the stream GuestPass serves itself, and a room.
 */
@IntegrationTest
@TestPropertySource(properties = "guestpass.demo=true")
class DemoDataIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	@Autowired
	Accounts accounts;

	@Test
	void theDemoMemberFindsOneItemOfEachTypeAndSeedingTwiceAddsNothing() throws Exception {
		this.demo.seed();
		assertThat(this.accounts.all().stream().filter((a) -> a.username().equals("demo"))).hasSize(1);

		TestClient member = TestClient.browser(this.port);
		assertThat(member.signIn("demo", "guestpass-demo").status()).isEqualTo(302);
		String media = member.get("/api/v1/media").body();
		assertThat((List<String>) JsonPath.read(media, "$[*].type")).containsExactly("room", "live_session", "video");
		int video = JsonPath.read(media, "$[2].id");
		assertThat((List<String>) JsonPath.read(member.get("/api/v1/media/" + video + "/captions").body(),
				"$[*].language"))
			.containsExactly("en", "fr");
		assertThat(member.getBytes("/api/v1/media/" + video + "/content").body()).hasSizeGreaterThan(100_000);
		assertThat((String) JsonPath.read(media, "$[2].posterUrl")).isEqualTo("/api/v1/media/" + video + "/poster");

		String stream = JsonPath.read(media, "$[1].url");
		assertThat(stream).isEqualTo("http://localhost:" + this.port + "/demo/live/stream.m3u8");
		TestClient anyone = TestClient.browser(this.port);
		TestClient.Response playlist = anyone.get(stream, "Origin", "https://elsewhere.example");
		assertThat(playlist.status()).isEqualTo(200);
		assertThat(playlist.body()).startsWith("#EXTM3U").contains("segment0.ts");
		assertThat(playlist.header("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(anyone.get("/demo/live/segment4.ts").status()).isEqualTo(200);
		assertThat(anyone.get("/demo/live/../application.properties").status()).isIn(400, 404);

		assertThat((String) JsonPath.read(media, "$[0].url")).startsWith("https://meet.jit.si/GuestPassDemo-");
	}

}
