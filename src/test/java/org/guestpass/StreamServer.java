package org.guestpass;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A second origin for browser tests, as a school's streaming server and room software
 * would be: it serves the bundled sample HLS stream under {@code /live/} (with CORS, as
 * stream servers do) and a stand-in room page under {@code /room/}.
 */
public final class StreamServer implements AutoCloseable {

	private final HttpServer server;

	private StreamServer(HttpServer server) {
		this.server = server;
	}

	public static StreamServer start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/live/", StreamServer::live);
		server.createContext("/room/",
				(exchange) -> send(exchange, 200, "text/html; charset=utf-8",
						"<!DOCTYPE html><html lang=\"en\"><title>Room</title><h1>Meeting room</h1></html>"
							.getBytes(StandardCharsets.UTF_8)));
		server.start();
		return new StreamServer(server);
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** The sample stream's playlist, on this server's own origin. */
	public String playlistUrl() {
		return "http://127.0.0.1:" + port() + "/live/stream.m3u8";
	}

	private static void live(HttpExchange exchange) throws IOException {
		String name = exchange.getRequestURI().getPath().substring("/live/".length());
		if (!name.matches("stream\\.m3u8|segment\\d\\.ts")) {
			send(exchange, 404, "text/plain", new byte[0]);
			return;
		}
		try (InputStream in = StreamServer.class.getResourceAsStream("/demo/live/" + name)) {
			if (in == null) {
				send(exchange, 404, "text/plain", new byte[0]);
				return;
			}
			send(exchange, 200, name.endsWith(".m3u8") ? "application/vnd.apple.mpegurl" : "video/mp2t",
					in.readAllBytes());
		}
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
