package org.pchatfailover.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Logs in to a Camunda webapp as a browser does: the CSRF cookie from the app page, then the login form. */
public final class WebappLogin {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final int port;

	private final HttpClient client;

	private final CookieManager cookies = new CookieManager();

	private WebappLogin(int port) {
		this.port = port;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(cookies)
			.connectTimeout(TIMEOUT)
			.build();
	}

	/** The HTTP status of the login: 200 in, 401 wrong credentials, 403 no access to that app. */
	public static int login(int port, String user, String password, String app) {
		return new WebappLogin(port).logIn(user, password, app);
	}

	/** A browser's session in the app after a successful login: its calls carry the session and the CSRF token. */
	public static WebappLogin session(int port, String user, String password, String app) {
		WebappLogin session = new WebappLogin(port);
		assertThat(session.logIn(user, password, app)).as(user + " logs into " + app).isEqualTo(200);
		return session;
	}

	/** The session's client, its cookies included: for calls this class does not make, such as the report's pages. */
	public HttpClient client() {
		return client;
	}

	/** A call to the webapps' API ({@code /camunda/api/...}) as the app makes it: status and body. */
	public HttpResponse<String> send(String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Accept", "application/json")
			.header("X-XSRF-TOKEN", xsrf())
			.timeout(TIMEOUT)
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return call(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private int logIn(String user, String password, String app) {
		call(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).timeout(TIMEOUT).build(),
				HttpResponse.BodyHandlers.discarding());
		return call(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", xsrf())
			.timeout(TIMEOUT)
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private String xsrf() {
		List<HttpCookie> xsrf = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.toList();
		assertThat(xsrf).hasSize(1);
		return xsrf.get(0).getValue();
	}

	private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return client.send(request, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
