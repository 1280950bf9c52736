package org.guestpass.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/1.1 keep-alive connection, used by one client thread at a time: blocking, no
 * pipelining, no redirects, no cookie jar. It is small on purpose, so that the load
 * generator, which shares the machine with the servers it measures, spends little of it:
 * java.net.http on Java 17 funnels every connection through one selector thread, which
 * would cap streaming before the servers do.
 */
final class HttpConnection implements Closeable {

	private static final int CONNECT_TIMEOUT_MS = 5_000;

	private static final int READ_TIMEOUT_MS = 60_000;

	private final String host;

	private final int port;

	private final byte[] discard = new byte[64 * 1024];

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	HttpConnection(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/**
	 * Sends one request and reads the whole response. {@code headers} are "Name: value"
	 * lines. A GET on a kept-alive connection that the server closed meanwhile is sent
	 * once more on a new one; any other failure closes the connection and is thrown.
	 */
	Response send(String method, String path, List<String> headers, byte[] body, boolean keepBody) throws IOException {
		byte[] request = encode(method, path, headers, body);
		boolean reused = this.socket != null;
		try {
			return exchange(request, keepBody, method.equals("HEAD"));
		}
		catch (EOFException ex) {
			close();
			if (reused && method.equals("GET")) {
				return exchange(request, keepBody, false);
			}
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw ex;
		}
	}

	Response get(String path, List<String> headers, boolean keepBody) throws IOException {
		return send("GET", path, headers, null, keepBody);
	}

	private Response exchange(byte[] request, boolean keepBody, boolean head) throws IOException {
		if (this.socket == null) {
			connect();
		}
		this.out.write(request);
		this.out.flush();
		String statusLine = readLine(true);
		// "HTTP/1.1 200 OK"
		int status = Integer.parseInt(statusLine.substring(9, 12));
		List<String[]> headers = new ArrayList<>();
		long contentLength = -1;
		boolean chunked = false;
		boolean closeAfter = false;
		for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
			int colon = line.indexOf(':');
			String name = line.substring(0, colon).trim();
			String value = line.substring(colon + 1).trim();
			headers.add(new String[] { name, value });
			if (name.equalsIgnoreCase("Content-Length")) {
				contentLength = Long.parseLong(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding") && value.toLowerCase().contains("chunked")) {
				chunked = true;
			}
			else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
				closeAfter = true;
			}
		}
		ByteArrayOutputStream kept = keepBody ? new ByteArrayOutputStream() : null;
		long length = 0;
		if (head || status == 204 || status == 304 || status / 100 == 1) {
			// no body
		}
		else if (chunked) {
			for (long size = Long.parseLong(chunkSize(readLine(false)), 16); size > 0; size = Long
				.parseLong(chunkSize(readLine(false)), 16)) {
				length += copy(size, kept);
				readLine(false);
			}
			for (String trailer = readLine(false); !trailer.isEmpty(); trailer = readLine(false)) {
				// trailers are ignored
			}
		}
		else if (contentLength >= 0) {
			length = copy(contentLength, kept);
		}
		else {
			length = copy(Long.MAX_VALUE, kept);
			closeAfter = true;
		}
		if (closeAfter) {
			close();
		}
		return new Response(status, headers, (kept != null) ? kept.toByteArray() : null, length);
	}

	private static String chunkSize(String line) {
		int extension = line.indexOf(';');
		return ((extension < 0) ? line : line.substring(0, extension)).trim();
	}

	private long copy(long count, ByteArrayOutputStream kept) throws IOException {
		long copied = 0;
		while (copied < count) {
			int read = this.in.read(this.discard, 0, (int) Math.min(this.discard.length, count - copied));
			if (read < 0) {
				if (count == Long.MAX_VALUE) {
					return copied;
				}
				throw new EOFException("The server closed the connection in the middle of a body");
			}
			if (kept != null) {
				kept.write(this.discard, 0, read);
			}
			copied += read;
		}
		return copied;
	}

	private String readLine(boolean first) throws IOException {
		StringBuilder line = new StringBuilder(64);
		while (true) {
			int b = this.in.read();
			if (b < 0) {
				if (first && line.length() == 0) {
					throw new EOFException("The server closed the connection");
				}
				throw new EOFException("The server closed the connection in the middle of a response");
			}
			if (b == '\n') {
				int end = line.length();
				if (end > 0 && line.charAt(end - 1) == '\r') {
					line.setLength(end - 1);
				}
				return line.toString();
			}
			line.append((char) b);
		}
	}

	private byte[] encode(String method, String path, List<String> headers, byte[] body) {
		StringBuilder head = new StringBuilder(256);
		head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		head.append("Host: ").append(this.host).append(':').append(this.port).append("\r\n");
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		if (body != null) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		if (body == null) {
			return start;
		}
		byte[] all = new byte[start.length + body.length];
		System.arraycopy(start, 0, all, 0, start.length);
		System.arraycopy(body, 0, all, start.length, body.length);
		return all;
	}

	private void connect() throws IOException {
		Socket fresh = new Socket();
		fresh.setTcpNoDelay(true);
		fresh.setSoTimeout(READ_TIMEOUT_MS);
		fresh.connect(new InetSocketAddress(this.host, this.port), CONNECT_TIMEOUT_MS);
		this.socket = fresh;
		this.in = new BufferedInputStream(fresh.getInputStream(), 64 * 1024);
		this.out = fresh.getOutputStream();
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			this.socket = null;
			this.in = null;
			this.out = null;
		}
	}

	/**
	 * A response: its status, headers, and the body when it was asked for (else only its
	 * length).
	 */
	record Response(int status, List<String[]> headers, byte[] body, long length) {

		String header(String name) {
			for (String[] header : this.headers) {
				if (header[0].equalsIgnoreCase(name)) {
					return header[1];
				}
			}
			return null;
		}

		/** The value of a cookie the response sets, or null. */
		String cookie(String name) {
			for (String[] header : this.headers) {
				if (header[0].equalsIgnoreCase("Set-Cookie") && header[1].startsWith(name + "=")) {
					int end = header[1].indexOf(';');
					return header[1].substring(name.length() + 1, (end < 0) ? header[1].length() : end);
				}
			}
			return null;
		}

		String text() {
			return (this.body == null) ? "" : new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
