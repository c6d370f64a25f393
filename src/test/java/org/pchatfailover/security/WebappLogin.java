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

	private WebappLogin() {
	}

	/** The HTTP status of the login: 200 in, 401 wrong credentials, 403 no access to that app. */
	public static int login(int port, String user, String password, String app) {
		return login(port, user, password, app, client(new CookieManager()));
	}

	/** A client logged in to the app as the user, holding the session cookie as the browser would. */
	public static HttpClient session(int port, String user, String password, String app) {
		HttpClient client = client(new CookieManager());
		assertThat(login(port, user, password, app, client)).as("login of " + user + " to " + app).isEqualTo(200);
		return client;
	}

	private static HttpClient client(CookieManager cookies) {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(cookies)
			.connectTimeout(TIMEOUT)
			.build();
	}

	private static int login(int port, String user, String password, String app, HttpClient client) {
		CookieManager cookies = (CookieManager) client.cookieHandler().orElseThrow();
		try {
			client.send(HttpRequest.newBuilder(uri(port, "/camunda/app/" + app + "/default/")).timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.discarding());
			List<HttpCookie> xsrf = cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("XSRF-TOKEN"))
				.toList();
			assertThat(xsrf).hasSize(1);
			return client.send(HttpRequest.newBuilder(uri(port, "/camunda/api/admin/auth/user/default/login/" + app))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-XSRF-TOKEN", xsrf.get(0).getValue())
				.timeout(TIMEOUT)
				.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
