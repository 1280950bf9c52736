package org.guestpass.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx serving the very file GuestPass streams (a hard link to it in a folder
 * of its own), with a generated configuration on a free port: the streaming scenario's
 * baseline. It runs in the foreground as a child of the benchmark and uses as many
 * workers as there are cores.
 */
final class Nginx implements AutoCloseable {

	private final Process process;

	private final int port;

	private Nginx(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static Nginx start(Path binary, Path video, Path workDir) throws IOException, InterruptedException {
		Path dir = Files.createDirectories(workDir.resolve("nginx"));
		Path root = Files.createDirectories(dir.resolve("www"));
		// The workers may run as nobody: they must be able to reach the file.
		for (Path open : List.of(workDir, dir, root)) {
			Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		Path served = root.resolve("video.webm");
		Files.deleteIfExists(served);
		try {
			Files.createLink(served, video);
		}
		catch (IOException | UnsupportedOperationException ex) {
			Files.copy(video, served);
		}
		Files.setPosixFilePermissions(served, PosixFilePermissions.fromString("rw-r--r--"));
		int port = GuestPassProcess.freePort();
		Path config = dir.resolve("nginx.conf");
		Files.writeString(config, """
				worker_processes auto;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events { worker_connections 1024; }
				http {
				    access_log off;
				    sendfile on;
				    tcp_nopush on;
				    default_type video/webm;
				    client_body_temp_path %1$s/client_body;
				    proxy_temp_path %1$s/proxy;
				    fastcgi_temp_path %1$s/fastcgi;
				    uwsgi_temp_path %1$s/uwsgi;
				    scgi_temp_path %1$s/scgi;
				    server {
				        listen 127.0.0.1:%2$d;
				        root %3$s;
				    }
				}
				""".formatted(dir, port, root));
		Process process = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", config.toString(), "-e",
				dir.resolve("error.log").toString(), "-g", "daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("nginx.out").toFile())
			.start();
		Nginx nginx = new Nginx(process, port);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("nginx stopped at once: " + Files.readString(dir.resolve("nginx.out")));
			}
			try (HttpConnection http = new HttpConnection("127.0.0.1", port)) {
				if (http.send("HEAD", "/video.webm", List.of(), null, false).status() == 200) {
					return nginx;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		nginx.close();
		throw new IllegalStateException("nginx did not answer on port " + port);
	}

	int port() {
		return this.port;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
