package org.guestpass.system;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.guestpass.Fixtures;
import org.guestpass.Nodes;
import org.guestpass.TestClient;
import org.guestpass.account.Account;
import org.guestpass.account.Accounts;
import org.guestpass.account.ApiTokens;
import org.guestpass.account.Role;
import org.guestpass.audit.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default on a fresh machine: the data folder, the H2 database in it, the
 * generated secrets and every media file are readable only by the user GuestPass runs as,
 * and a folder an earlier version left readable is closed.
 */
class DataFolderIntegrationTests {

	private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	@TempDir
	Path temp;

	@Test
	void aNewDataFolderTheDatabaseSecretsAndMediaFilesAreTheOwnersAlone() throws IOException {
		Files.setPosixFilePermissions(this.temp, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path data = this.temp.resolve("guestpass/data");

		runAndUploadAVideoWithAPoster(data);

		assertThat(data.resolve("db")).isDirectory();
		assertThat(data.resolve("media")).isDirectory();
		assertThat(data.resolve("server-secret")).isRegularFile();
		assertOwnerOnly(data);
	}

	@Test
	void aDataFolderThatOthersCouldReadIsClosed() throws IOException {
		Path data = this.temp.resolve("data");
		Files.createDirectories(data.resolve("db"));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(data.resolve("db"), PosixFilePermissions.fromString("rwxr-xr-x"));

		runAndUploadAVideoWithAPoster(data);

		assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
		assertOwnerOnly(data.resolve("db"));
		assertOwnerOnly(data.resolve("media"));
	}

	private static void runAndUploadAVideoWithAPoster(Path data) {
		String h2 = "jdbc:h2:file:" + data.resolve("db/guestpass")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		try (ConfigurableApplicationContext node = Nodes.start(h2,
				Map.of("spring.datasource.username", "sa", "guestpass.data-dir", data.toString(),
						"guestpass.storage-dir", data.resolve("media").toString(), "guestpass.secret", ""))) {
			Outcome<Account> owner = node.getBean(Accounts.class)
				.create("folder-owner", "folder-owner-password", Role.member, Actor.user("test"));
			TestClient api = TestClient.api(Nodes.port(node),
					node.getBean(ApiTokens.class).issue(owner.value().id(), "tests").token());
			TestClient.Response video = api.postMultipart("/api/v1/media", Map.of("title", "Private"), "talk.mp4",
					"video/mp4", Fixtures.MP4);
			assertThat(video.status()).as(video.body()).isEqualTo(201);
			long id = ((Number) JsonPath.read(video.body(), "$.id")).longValue();
			TestClient.Response poster = api.send(api.request("/api/v1/media/" + id + "/poster")
				.header("Content-Type", "multipart/form-data; boundary=poster")
				.PUT(HttpRequest.BodyPublishers.ofByteArray(multipart("poster", png()))));
			assertThat(poster.status()).as(poster.body()).isEqualTo(201);
		}
	}

	private static void assertOwnerOnly(Path root) throws IOException {
		List<Path> everything;
		try (Stream<Path> walk = Files.walk(root)) {
			everything = walk.toList();
		}
		assertThat(everything).as("something to check").hasSizeGreaterThan(1);
		assertThat(everything.stream().filter(Files::isRegularFile)).as("files").isNotEmpty();
		for (Path path : everything) {
			if (path.toString().endsWith(".trace.db")) {
				// H2 may write its trace while it closes, after GuestPass can tighten it;
				// the folder,
				// checked here too, keeps it private.
				continue;
			}
			assertThat(Files.getPosixFilePermissions(path)).as(path + " is readable by others")
				.doesNotContainAnyElementsOf(OTHERS);
		}
	}

	private static byte[] png() {
		BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static byte[] multipart(String boundary, byte[] file) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

}
