package org.pchatfailover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real HTTP to the app under test, as a lab user (password = name) or anonymously: what a ticketing system, an
 * operator's script or a browser sends. Every answer from {@code /api} is held to the committed OpenAPI description
 * ({@link ApiDescription}): a status or content type it does not list fails the test that got it.
 */
public final class ApiClient {

	public static final Duration TIMEOUT = Duration.ofSeconds(60);

	public static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.build();

	private final int port;

	public ApiClient(int port) {
		this.port = port;
	}

	/** The response, with the body parsed as JSON when it is JSON. */
	public record Response(int status, String contentType, String location, String text) {

		public JsonNode json() {
			try {
				return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("not JSON: " + text, ex);
			}
		}

	}

	public Response send(String user, String method, String path, Object body) {
		return send(user == null ? null : user + ":" + user, method, path, body, "application/json");
	}

	public Response send(String credentials, String method, String path, Object body, String accept) {
		try {
			String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(TIMEOUT)
				.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(text))
				.header("Content-Type", "application/json")
				.header("Accept", accept);
			if (credentials != null) {
				request.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			ApiDescription.check(method, path, response.statusCode(), contentType);
			return new Response(response.statusCode(), contentType, response.headers().firstValue("Location").orElse(null),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted: " + method + " " + path, ex);
		}
	}

}
