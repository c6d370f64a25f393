package org.pchatfailover.ticketing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A ticketing system on loopback for the tests: records every callback it receives. {@code /hook} answers 200,
 * {@code /gone} 410; {@code /flaky} holds its first request until {@link #releaseHeldCallback()}, answers it 500,
 * then 200.
 */
final class CallbackReceiver implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final List<JsonNode> received = new CopyOnWriteArrayList<>();

	private final AtomicBoolean flakyFailed = new AtomicBoolean();

	private final CountDownLatch heldCallback = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	CallbackReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", exchange -> answer(exchange, 200));
		server.createContext("/gone", exchange -> answer(exchange, 410));
		server.createContext("/flaky", this::answerFlaky);
		server.setExecutor(threads);
		server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	/** The callbacks received for a failover, as (state, step) in the order of their {@code at}, duplicates kept. */
	List<String> milestones(String failoverId) {
		List<JsonNode> callbacks = new ArrayList<>(callbacks(failoverId));
		// as instants, not as text: "…:41Z" sorts after "…:41.400Z" as a string
		callbacks.sort(Comparator.comparing(callback -> Instant.parse(callback.path("at").asText())));
		return callbacks.stream().map(c -> c.path("state").asText() + " " + c.path("step").asText()).toList();
	}

	/** The state of the failover's callback with the latest {@code at}: what a receiver keeps (README). */
	String latestState(String failoverId) {
		return callbacks(failoverId).stream()
			.max(Comparator.comparing(callback -> Instant.parse(callback.path("at").asText())))
			.map(callback -> callback.path("state").asText())
			.orElse(null);
	}

	List<JsonNode> callbacks(String failoverId) {
		return received.stream().filter(callback -> failoverId.equals(callback.path("id").asText())).toList();
	}

	boolean holdsACallback() {
		return heldCallback.getCount() == 0;
	}

	void releaseHeldCallback() {
		release.countDown();
	}

	@Override
	public void close() {
		release.countDown();
		server.stop(0);
		threads.shutdownNow();
	}

	private void answerFlaky(HttpExchange exchange) throws IOException {
		if (flakyFailed.compareAndSet(false, true)) {
			record(exchange);
			heldCallback.countDown();
			await(release);
			reply(exchange, 500);
		}
		else {
			answer(exchange, 200);
		}
	}

	private void answer(HttpExchange exchange, int status) throws IOException {
		record(exchange);
		reply(exchange, status);
	}

	private void record(HttpExchange exchange) throws IOException {
		received.add(JSON.readTree(exchange.getRequestBody()));
	}

	private static void reply(HttpExchange exchange, int status) throws IOException {
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
