package org.pchatfailover.lab.sql.tds;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

import org.pchatfailover.lab.sql.tds.TdsPacketChannel.TdsMessage;

/**
 * The server side of one TLS session ([MS-TDS] 3.3.5.2 and 3.3.5.3). In TDS 7.x the handshake records travel inside
 * PRELOGIN packets, each flight as one message, since a client may wait for exactly one response message per message
 * it sent (tedious, message-io.ts: "For each `PRELOGIN` message we sent we get back exactly one response message");
 * in TDS 8.0 they are plain TLS records on the socket. Afterwards the TLS records carry whole TDS packets.
 */
final class TlsConnection {

	private static final int RECORD_HEADER = 5;

	/** RFC 8446 5.2: a TLSCiphertext fragment is at most 2^14 + 256 bytes. */
	private static final int MAX_RECORD_BODY = (1 << 14) + 2048;

	private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

	private final SSLEngine engine;

	private final InputStream rawIn;

	private final OutputStream rawOut;

	private final Object writeLock = new Object();

	private TlsConnection(SSLEngine engine, InputStream rawIn, OutputStream rawOut) {
		this.engine = engine;
		this.rawIn = rawIn;
		this.rawOut = rawOut;
	}

	/**
	 * TDS 7.x: "A TLS/SSL negotiation packet is a PRELOGIN (0x12) packet header encapsulated with TLS/SSL payload";
	 * anything else, a clear LOGIN7 included, ends the connection ([MS-TDS] 3.3.5.2).
	 */
	static TlsConnection insidePrelogin(SSLEngine engine, TdsPacketChannel channel, InputStream rawIn,
			OutputStream rawOut) throws IOException {
		TlsConnection tls = new TlsConnection(engine, rawIn, rawOut);
		tls.handshake(flight -> channel.write(TdsMessage.PRELOGIN, flight), () -> {
			TdsMessage message = channel.read();
			if (message == null) {
				throw new EOFException("connection closed during the TLS handshake");
			}
			if (message.type() != TdsMessage.PRELOGIN) {
				throw new TdsProtocolException(
						"expected a TLS handshake in a PRELOGIN packet, got packet type " + message.type());
			}
			return message.payload();
		});
		return tls;
	}

	/** TDS 8.0: "The TLS handshake now precedes any TDS messages" (sql-docs tds-8.md). */
	static TlsConnection onSocket(SSLEngine engine, InputStream rawIn, OutputStream rawOut) throws IOException {
		TlsConnection tls = new TlsConnection(engine, rawIn, rawOut);
		tls.handshake(flight -> {
			rawOut.write(flight);
			rawOut.flush();
		}, () -> tls.readRecord(false));
		return tls;
	}

	/** The TLS version agreed, e.g. {@code TLSv1.2}. */
	String protocol() {
		return engine.getSession().getProtocol();
	}

	/** Decrypted bytes from the client. */
	InputStream input() {
		return new Input();
	}

	/** Bytes to the client, encrypted. */
	OutputStream output() {
		return new Output();
	}

	private void handshake(Send send, Receive receive) throws IOException {
		engine.beginHandshake();
		ByteBuffer netIn = ByteBuffer.allocate(0);
		ByteBuffer scratch = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
		ByteArrayOutputStream flight = new ByteArrayOutputStream();
		while (true) {
			switch (engine.getHandshakeStatus()) {
				case NEED_TASK -> runTasks();
				case NEED_WRAP -> flight.write(wrap(NOTHING));
				case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
					if (!netIn.hasRemaining()) {
						netIn = append(netIn, flushAndReceive(flight, send, receive));
					}
					scratch.clear();
					SSLEngineResult result = engine.unwrap(netIn, scratch);
					if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
						netIn = append(netIn, flushAndReceive(flight, send, receive));
					}
					else if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
						throw new SSLException("the client closed TLS during the handshake");
					}
				}
				default -> {
					if (flight.size() > 0) {
						send.send(flight.toByteArray());
					}
					return;
				}
			}
		}
	}

	private static byte[] flushAndReceive(ByteArrayOutputStream flight, Send send, Receive receive)
			throws IOException {
		if (flight.size() > 0) {
			send.send(flight.toByteArray());
			flight.reset();
		}
		return receive.receive();
	}

	private static ByteBuffer append(ByteBuffer rest, byte[] more) {
		ByteBuffer joined = ByteBuffer.allocate(rest.remaining() + more.length);
		joined.put(rest).put(more).flip();
		return joined;
	}

	private void runTasks() {
		Runnable task;
		while ((task = engine.getDelegatedTask()) != null) {
			task.run();
		}
	}

	private byte[] wrap(ByteBuffer source) throws SSLException {
		ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
		SSLEngineResult result = engine.wrap(source, net);
		if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
			throw new SSLException("TLS is closed");
		}
		byte[] bytes = new byte[net.position()];
		net.flip().get(bytes);
		return bytes;
	}

	/**
	 * One TLS record (header and body) from the socket; null at a clean end of stream. A read timeout before its
	 * first byte is passed on as it is (nothing was consumed, the caller may wait again); within a record it ends
	 * the connection.
	 */
	private byte[] readRecord(boolean endAllowed) throws IOException {
		int first = rawIn.read();
		if (first < 0) {
			if (endAllowed) {
				return null;
			}
			throw new EOFException("connection closed during the TLS handshake");
		}
		byte[] header = new byte[RECORD_HEADER];
		header[0] = (byte) first;
		readFully(header, 1, RECORD_HEADER - 1);
		int length = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
		if (length > MAX_RECORD_BODY) {
			throw new TdsProtocolException("TLS record of " + length + " bytes");
		}
		byte[] record = new byte[RECORD_HEADER + length];
		System.arraycopy(header, 0, record, 0, RECORD_HEADER);
		readFully(record, RECORD_HEADER, length);
		return record;
	}

	private void readFully(byte[] buffer, int from, int length) throws IOException {
		int read = 0;
		try {
			while (read < length) {
				int n = rawIn.read(buffer, from + read, length - read);
				if (n < 0) {
					throw new EOFException("connection closed inside a TLS record");
				}
				read += n;
			}
		}
		catch (SocketTimeoutException ex) {
			throw new IOException("client stalled inside a TLS record", ex);
		}
	}

	private interface Send {

		void send(byte[] flight) throws IOException;

	}

	private interface Receive {

		byte[] receive() throws IOException;

	}

	private final class Input extends InputStream {

		private final ByteBuffer plain = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			while (!plain.hasRemaining()) {
				byte[] record = readRecord(true);
				if (record == null || !unwrap(record)) {
					return -1;
				}
			}
			int n = Math.min(length, plain.remaining());
			plain.get(buffer, offset, n);
			return n;
		}

		/** False when the client closed TLS (close_notify). */
		private boolean unwrap(byte[] record) throws IOException {
			plain.clear();
			SSLEngineResult result = engine.unwrap(ByteBuffer.wrap(record), plain);
			plain.flip();
			if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
				return false;
			}
			// TLS 1.3 post-handshake messages (a key update) may need an answer
			runTasks();
			while (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
				synchronized (writeLock) {
					rawOut.write(wrap(NOTHING));
					rawOut.flush();
				}
			}
			return true;
		}

	}

	private final class Output extends OutputStream {

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] buffer, int offset, int length) throws IOException {
			ByteBuffer source = ByteBuffer.wrap(buffer, offset, length);
			synchronized (writeLock) {
				while (source.hasRemaining()) {
					rawOut.write(wrap(source));
				}
			}
		}

		@Override
		public void flush() throws IOException {
			synchronized (writeLock) {
				rawOut.flush();
			}
		}

	}

}
