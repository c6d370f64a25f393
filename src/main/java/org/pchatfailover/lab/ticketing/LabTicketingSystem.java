package org.pchatfailover.lab.ticketing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The drill's ticketing system, on a loopback port of its own: it takes the failover's callbacks at
 * {@value #PATH} (a drill's {@code callbackUrl}) and keeps the newest {@value #KEPT} for {@code GET /api/lab/state},
 * so a drill sees what its ticket was told. For the lab fault {@code callback-dead} it is unreachable: it stops
 * listening, and a callback meets a refused connection, as when the ticketing system is down; back, it listens on
 * the same port again.
 */
public class LabTicketingSystem implements AutoCloseable {

	/** Where callbacks go; any path below it too, e.g. one per ticket. */
	public static final String PATH = "/callbacks";

	static final int KEPT = 1000;

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * A callback as the ticketing system received it.
	 * @param body the JSON the app posted (text when it was no JSON)
	 */
	public record Callback(Instant receivedAt, String path, JsonNode body) {
	}

	/**
	 * What the lab state shows of it.
	 * @param callbackUrl the URL a drill gives as {@code callbackUrl}
	 * @param dead whether it is unreachable (lab fault {@code callback-dead})
	 * @param received the callbacks received, oldest first
	 */
	public record Snapshot(String callbackUrl, boolean dead, List<Callback> received) {
	}

	private final InetAddress bindAddress;

	private final String host;

	private final Clock clock;

	private final Deque<Callback> received = new ArrayDeque<>();

	private int port;

	// null while dead
	private HttpServer server;

	private ExecutorService threads;

	/**
	 * @param host how the app reaches it, for the callback URL
	 * @param port 0 for any free one, kept for when it listens again
	 */
	public LabTicketingSystem(InetAddress bindAddress, String host, int port, Clock clock) {
		this.bindAddress = bindAddress;
		this.host = host;
		this.port = port;
		this.clock = clock;
	}

	public synchronized void start() {
		listen();
	}

	/** Lab fault {@code callback-dead}: stops listening, or listens again on the same port. */
	public synchronized void dead(boolean dead) {
		if (dead) {
			stop();
		}
		else if (server == null) {
			listen();
		}
	}

	/** {@code address:port}, for the lab state's endpoints. */
	public synchronized String endpoint() {
		return bindAddress.getHostAddress() + ":" + port;
	}

	public synchronized String callbackUrl() {
		return "http://" + host + ":" + port + PATH;
	}

	public synchronized Snapshot snapshot() {
		return new Snapshot(callbackUrl(), server == null, List.copyOf(received));
	}

	@Override
	public synchronized void close() {
		stop();
	}

	private void listen() {
		try {
			HttpServer listening = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
			threads = Executors.newFixedThreadPool(2, task -> {
				Thread thread = new Thread(task, "lab-ticketing");
				thread.setDaemon(true);
				return thread;
			});
			listening.createContext(PATH, this::receive);
			listening.setExecutor(threads);
			listening.start();
			port = listening.getAddress().getPort();
			server = listening;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("lab ticketing system cannot listen on " + endpoint(), ex);
		}
	}

	private void stop() {
		if (server != null) {
			server.stop(0);
			threads.shutdownNow();
			server = null;
		}
	}

	private void receive(HttpExchange exchange) throws IOException {
		try {
			if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
				exchange.getResponseHeaders().set("Allow", "POST");
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			byte[] body = exchange.getRequestBody().readAllBytes();
			remember(new Callback(clock.instant(), exchange.getRequestURI().getPath(), parse(body)));
			exchange.sendResponseHeaders(204, -1);
		}
		finally {
			exchange.close();
		}
	}

	private synchronized void remember(Callback callback) {
		received.addLast(callback);
		while (received.size() > KEPT) {
			received.removeFirst();
		}
	}

	private static JsonNode parse(byte[] body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException ex) {
			return TextNode.valueOf(new String(body, StandardCharsets.UTF_8));
		}
	}

}
