package org.pchatfailover.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 from a chosen local address, so that a test can be two clients on one machine (127.0.0.1 and
 * 127.0.0.2, both loopback on Linux): Java's HttpClient cannot bind its socket before Java 19. One request per
 * connection ({@code Connection: close}), read to the end; chunked bodies are decoded.
 */
final class SourceBoundHttp {

	static final int TIMEOUT_MILLIS = 60_000;

	private SourceBoundHttp() {
	}

	record Response(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static Response send(String localAddress, int port, String method, String path, Map<String, String> headers,
			String body) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
			StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			OutputStream out = socket.getOutputStream();
			out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + path + " from " + localAddress, ex);
		}
	}

	private static Response parse(byte[] raw) throws IOException {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, end).split("\r\n");
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
		}
		byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunk(new java.io.ByteArrayInputStream(body));
		}
		return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		while (true) {
			StringBuilder size = new StringBuilder();
			for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
				if (c != '\r') {
					size.append((char) c);
				}
			}
			int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
			if (length == 0) {
				return out.toByteArray();
			}
			out.write(in.readNBytes(length));
			in.readNBytes(2);
		}
	}

}
