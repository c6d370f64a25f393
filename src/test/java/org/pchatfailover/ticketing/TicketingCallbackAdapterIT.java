package org.pchatfailover.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.failover.FailoverState;

/** The adapter against a real HTTP server on loopback: headers, status classes, the timeout. */
class TicketingCallbackAdapterIT {

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	private static final TicketingCallback RUNNING = new TicketingCallback("INC-1", "pi-1", FailoverState.RUNNING,
			"FailoverRequested", Instant.parse("2025-03-01T00:00:00Z"));

	private final AtomicInteger status = new AtomicInteger(200);

	private final AtomicReference<String> authorization = new AtomicReference<>();

	private final AtomicReference<String> body = new AtomicReference<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private final ExecutorService serverThreads = Executors.newCachedThreadPool();

	private HttpServer server;

	@BeforeEach
	void startTicketing() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", this::answer);
		server.createContext("/slow", exchange -> {
			awaitRelease();
			answer(exchange);
		});
		server.setExecutor(serverThreads);
		server.start();
	}

	@AfterEach
	void stopTicketing() {
		release.countDown();
		server.stop(0);
		serverThreads.shutdownNow();
	}

	@Test
	void postsTheCallbackWithTheBearerTokenFromTheNamedVariable() {
		adapter("TICKETING_TOKEN", Map.of("TICKETING_TOKEN", "t0ken")).deliver(job("/hook"));

		assertThat(authorization.get()).isEqualTo("Bearer t0ken");
		assertThat(body.get()).isEqualTo(job("/hook").body());
	}

	@Test
	void sendsNoAuthorizationWithoutATokenVariable() {
		adapter(null, Map.of()).deliver(job("/hook"));

		assertThat(authorization.get()).isNull();
	}

	@Test
	void failsForRetryWhenTheTokenVariableIsMissing() {
		assertThatThrownBy(() -> adapter("TICKETING_TOKEN", Map.of()).deliver(job("/hook")))
			.isExactlyInstanceOf(CallbackDeliveryException.class)
			.hasMessageContaining("TICKETING_TOKEN");
	}

	@Test
	void retriesServerErrorsTimeoutsOfTheReceiverAndTooManyRequests() {
		for (int answer : new int[] { 500, 503, 408, 429 }) {
			status.set(answer);
			assertThatThrownBy(() -> adapter(null, Map.of()).deliver(job("/hook")))
				.isExactlyInstanceOf(CallbackDeliveryException.class)
				.hasMessageContaining("answered " + answer);
		}
	}

	@Test
	void stopsRetryingWhenTheReceiverRejectsTheCallback() {
		status.set(404);
		assertThatThrownBy(() -> adapter(null, Map.of()).deliver(job("/hook")))
			.isInstanceOf(CallbackRejectedException.class)
			.hasMessageContaining("answered 404");
	}

	@Test
	void givesUpOnASlowReceiverAfterTheTimeout() {
		long started = System.nanoTime();
		assertThatThrownBy(() -> adapter(null, Map.of()).deliver(job("/slow")))
			.isExactlyInstanceOf(CallbackDeliveryException.class)
			.hasMessageContaining("timed out");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(4));
	}

	@Test
	void failsForRetryWhenNobodyListens() {
		server.stop(0);
		assertThatThrownBy(() -> adapter(null, Map.of()).deliver(job("/hook")))
			.isExactlyInstanceOf(CallbackDeliveryException.class)
			.hasMessageContaining("failed");
	}

	private TicketingCallbackAdapter adapter(String tokenEnv, Map<String, String> environment) {
		return new TicketingCallbackAdapter(new TicketingCallbackProperties(null, TIMEOUT, null, tokenEnv, null),
				environment::get);
	}

	private CallbackJob job(String path) {
		return new CallbackJob(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), RUNNING);
	}

	private void answer(HttpExchange exchange) throws IOException {
		authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
		body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		exchange.sendResponseHeaders(status.get(), -1);
		exchange.close();
	}

	private void awaitRelease() {
		try {
			release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
