package org.pchatfailover.lab.lync.ssh;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The lab Lync shell's listening port, in front of its SSH server: every connection is relayed to the server on an
 * internal loopback port. For the lab fault {@code ssh-timeout} it stops answering as a hung host does: new TCP
 * connections are still accepted, but no byte passes either way, neither the SSH banner of a new connection nor the
 * answer on one already open, so only the client's own timeout ends the wait. Answering again, it relays what it held
 * back and serves the connections it accepted meanwhile, whose clients may have given up by then.
 */
final class SshFrontDoor implements Closeable {

	private static final int BUFFER = 32 * 1024;

	private final ServerSocket listener;

	private final InetSocketAddress server;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "lab-ssh-door");
		thread.setDaemon(true);
		return thread;
	});

	private final Object gate = new Object();

	// guarded by gate: whether nothing passes, and the connections accepted meanwhile
	private boolean silent;

	private boolean closed;

	private final List<Socket> held = new ArrayList<>();

	/**
	 * @param port the port clients connect to, 0 for any free one
	 * @param server where the SSH server listens
	 */
	SshFrontDoor(InetAddress bindAddress, int port, InetSocketAddress server) throws IOException {
		this.server = server;
		listener = new ServerSocket();
		listener.setReuseAddress(true);
		listener.bind(new InetSocketAddress(bindAddress, port), 50);
		threads.execute(this::accept);
	}

	int port() {
		return listener.getLocalPort();
	}

	/** Stops answering, or answers again. */
	void silence(boolean on) {
		List<Socket> waiting;
		synchronized (gate) {
			silent = on;
			gate.notifyAll();
			waiting = on ? List.of() : new ArrayList<>(held);
			if (!on) {
				held.clear();
			}
		}
		waiting.forEach(this::relay);
	}

	@Override
	public void close() {
		synchronized (gate) {
			closed = true;
			gate.notifyAll();
		}
		quietly(listener);
		open.forEach(SshFrontDoor::quietly);
		open.clear();
		threads.shutdownNow();
	}

	private void accept() {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				open.add(client);
				synchronized (gate) {
					if (silent) {
						held.add(client); // accepted, as the operating system of a hung host still does
						continue;
					}
				}
				relay(client);
			}
			catch (IOException ex) {
				// the listener closed: the loop ends
			}
		}
	}

	private void relay(Socket client) {
		Socket upstream = new Socket();
		open.add(upstream);
		try {
			upstream.connect(server);
			upstream.setTcpNoDelay(true);
			client.setTcpNoDelay(true);
			threads.execute(() -> pump(client, upstream));
			threads.execute(() -> pump(upstream, client));
		}
		catch (IOException ex) {
			end(upstream);
			end(client);
		}
	}

	// one direction; when either side ends, the connection ends
	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[BUFFER];
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				awaitAnswering();
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// a side went away, or the lab stops
		}
		finally {
			end(from);
			end(to);
		}
	}

	private void awaitAnswering() throws InterruptedException {
		synchronized (gate) {
			while (silent && !closed) {
				gate.wait();
			}
		}
	}

	private void end(Socket socket) {
		open.remove(socket);
		quietly(socket);
	}

	private static void quietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
