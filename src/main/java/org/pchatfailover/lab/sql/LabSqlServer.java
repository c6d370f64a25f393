package org.pchatfailover.lab.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.pchatfailover.lab.sql.engine.LabSqlEngine;
import org.pchatfailover.lab.sql.tds.TdsSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab SQL Server's TCP listener: one thread accepts, one thread per connection speaks TDS. "Instance down"
 * drops every connection and stops listening, so a client's connect is refused as by a host whose SQL Server
 * service is stopped (mssql-jdbc: "The TCP/IP connection to the host ..., port ... has failed. Error: \"Connection
 * refused. ..."), not accepted and closed, which clients report as a broken pre-login. "Up" listens on the same
 * port again.
 */
public final class LabSqlServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LabSqlServer.class);

	/**
	 * A client that stops half way through a packet, or before it has logged in, is dropped after this long. The
	 * references are silent on SQL Server's own limit; the lab's is long enough for a person typing in tsql.
	 */
	public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

	private final LabSqlEngine engine;

	private final InetAddress bindAddress;

	private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

	private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "lab-sql");
		thread.setDaemon(true);
		return thread;
	});

	private volatile ServerSocket listener;

	private volatile boolean available = true;

	private volatile boolean closed;

	private volatile int port;

	private final SSLContext tls;

	private final Duration readTimeout;

	/** An instance without a certificate: its PRELOGIN answers ENCRYPT_NOT_SUP. */
	public LabSqlServer(LabSqlEngine engine, InetAddress bindAddress, int port) {
		this(engine, bindAddress, port, null, READ_TIMEOUT);
	}

	/**
	 * @param tls the instance's certificate and key ({@link LabCertificate#serverContext()}), null for none
	 * @param readTimeout how long a read from a client may block before the connection is closed; a logged-in
	 * session waiting for its next request is not cut off
	 */
	public LabSqlServer(LabSqlEngine engine, InetAddress bindAddress, int port, SSLContext tls, Duration readTimeout) {
		this.engine = engine;
		this.bindAddress = bindAddress;
		this.port = port;
		this.tls = tls;
		this.readTimeout = readTimeout;
	}

	/** Starts listening; with port 0 the port is chosen now and kept for later restarts of the listener. */
	public synchronized void start() {
		if (listener != null) {
			return;
		}
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			if (socket.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
				// "up" binds the port again while connections the instance dropped may still hold it (FIN_WAIT2 until
				// their client closes). With SO_REUSEADDR alone that bind failed here ("Address already in use", seen
				// in LabFaultsIT and EstateReadinessIT); with SO_REUSEPORT it succeeds. The references read do not say
				// that accepted sockets inherit the option from the listener, which is the explanation assumed
				socket.setOption(StandardSocketOptions.SO_REUSEPORT, true);
			}
			socket.bind(new InetSocketAddress(bindAddress, port), 50);
			port = socket.getLocalPort();
			listener = socket;
			threads.execute(() -> accept(socket));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("lab SQL Server cannot listen on " + endpoint(), ex);
		}
	}

	/** The instance goes down: every connection is dropped and new ones are refused. */
	public synchronized void goDown() {
		available = false;
		ServerSocket socket = listener;
		listener = null;
		closeQuietly(socket);
		clients.forEach(LabSqlServer::closeQuietly);
		clients.clear();
	}

	/** The instance is up again: it listens on its port and serves new connections. */
	public synchronized void comeUp() {
		if (closed) {
			return;
		}
		available = true;
		start();
	}

	public boolean isUp() {
		return available && listener != null;
	}

	public int port() {
		return port;
	}

	/** {@code address:port} as clients reach it, e.g. {@code 127.0.0.1:14330}. */
	public String endpoint() {
		return bindAddress.getHostAddress() + ":" + port;
	}

	@Override
	public void close() {
		closed = true;
		goDown();
		threads.shutdownNow();
		try {
			threads.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				if (!available) {
					closeQuietly(client);
					continue;
				}
				client.setTcpNoDelay(true);
				clients.add(client);
				threads.execute(() -> {
					try {
						new TdsSession(client, engine, engine.serverName(), tls, readTimeout).run();
					}
					finally {
						clients.remove(client);
					}
				});
			}
			catch (SocketException ex) {
				log.debug("lab SQL listener closed: {}", ex.getMessage());
			}
			catch (IOException ex) {
				log.warn("lab SQL Server could not accept a connection: {}", ex.getMessage());
			}
		}
	}

	private static void closeQuietly(java.io.Closeable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (IOException ex) {
			log.debug("closing lab SQL socket: {}", ex.getMessage());
		}
	}

}
