package org.pchatfailover.lab.sql.tds;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;

/**
 * TDS packets on one connection ([MS-TDS] 2.2.3): an 8-byte header (type, status, big-endian length including the
 * header, SPID, packet id, window) in front of each packet; a message is the packets up to the one with the
 * end-of-message status bit. The streams underneath change when TLS starts or, for a login-only encryption, stops.
 * The socket's read timeout bounds every read: inside a packet or before login a stalled client ends the
 * connection; only a logged-in session may sit idle between messages.
 */
final class TdsPacketChannel {

	static final int HEADER_SIZE = 8;

	static final int STATUS_EOM = 0x01;

	/** "(From client to server) Ignore this event (0x01 MUST also be set)." ([MS-TDS] 2.2.3.1.2) */
	static final int STATUS_IGNORE = 0x02;

	private volatile InputStream in;

	private volatile OutputStream out;

	private int packetSize = 4096;

	private int spid;

	private volatile boolean idleAllowed;

	TdsPacketChannel(InputStream in, OutputStream out) {
		this.in = in;
		this.out = out;
	}

	/** From now on packets travel over these streams (TLS started or stopped). */
	void streams(InputStream in, OutputStream out) {
		this.in = in;
		this.out = out;
	}

	/** Logged in: waiting for the next request may outlast the read timeout; a started packet may not. */
	void allowIdle() {
		this.idleAllowed = true;
	}

	/** One client request, its packets joined; null when the client closed the connection between messages. */
	TdsMessage read() throws IOException {
		Packet first = readPacket();
		return first == null ? null : readRest(first);
	}

	/** The message that starts with {@code first}: its further packets are read from the current streams. */
	TdsMessage readRest(Packet first) throws IOException {
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		Packet packet = first;
		while (true) {
			if ((packet.status() & STATUS_IGNORE) != 0 && !packet.last()) {
				throw new TdsProtocolException("ignore bit without end of message");
			}
			payload.write(packet.body());
			if (packet.last()) {
				break;
			}
			packet = readPacket();
			if (packet == null) {
				throw new EOFException("connection closed inside a TDS message");
			}
		}
		return new TdsMessage(first.type(), packet.status(), payload.toByteArray());
	}

	/** One packet; null when the client closed the connection before its first byte. */
	Packet readPacket() throws IOException {
		byte[] header = new byte[HEADER_SIZE];
		int first = firstByte();
		if (first < 0) {
			return null;
		}
		header[0] = (byte) first;
		readFully(header, 1);
		int length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
		if (length < HEADER_SIZE) {
			throw new TdsProtocolException("TDS packet length " + length + " is shorter than its header");
		}
		byte[] body = new byte[length - HEADER_SIZE];
		readFully(body, 0);
		return new Packet(header[0] & 0xFF, header[1] & 0xFF, body);
	}

	/** Sends a server message split into packets of the negotiated size. */
	void write(int type, byte[] payload) throws IOException {
		OutputStream to = out;
		int chunk = packetSize - HEADER_SIZE;
		int offset = 0;
		int packetId = 1;
		do {
			int length = Math.min(chunk, payload.length - offset);
			boolean last = offset + length >= payload.length;
			byte[] packet = new byte[HEADER_SIZE + length];
			byte[] header = { (byte) type, (byte) (last ? STATUS_EOM : 0), (byte) ((length + HEADER_SIZE) >> 8),
					(byte) (length + HEADER_SIZE), (byte) (spid >> 8), (byte) spid, (byte) packetId++, 0 };
			System.arraycopy(header, 0, packet, 0, HEADER_SIZE);
			System.arraycopy(payload, offset, packet, HEADER_SIZE, length);
			// one write per packet: under TLS a packet is one record
			to.write(packet);
			offset += length;
		}
		while (offset < payload.length);
		to.flush();
	}

	void packetSize(int size) {
		this.packetSize = size;
	}

	void spid(int spid) {
		this.spid = spid;
	}

	/** The first byte of a packet: a logged-in session waits for it as long as the client keeps the connection. */
	private int firstByte() throws IOException {
		while (true) {
			try {
				return in.read();
			}
			catch (SocketTimeoutException ex) {
				if (!idleAllowed) {
					throw ex;
				}
			}
		}
	}

	private void readFully(byte[] buffer, int from) throws IOException {
		InputStream source = in;
		int read = from;
		while (read < buffer.length) {
			int n = source.read(buffer, read, buffer.length - read);
			if (n < 0) {
				throw new EOFException("connection closed inside a TDS packet");
			}
			read += n;
		}
	}

	/** One packet as received: type, status bits and the bytes after the header. */
	record Packet(int type, int status, byte[] body) {

		boolean last() {
			return (status & STATUS_EOM) != 0;
		}

	}

	/** A whole client message: packet type, the status of its last packet and the payload of all its packets. */
	record TdsMessage(int type, int status, byte[] payload) {

		static final int SQL_BATCH = 0x01;

		static final int RPC = 0x03;

		static final int REPLY = 0x04;

		static final int ATTENTION = 0x06;

		static final int TRANSACTION_MANAGER = 0x0E;

		static final int LOGIN7 = 0x10;

		static final int PRELOGIN = 0x12;

		/** The client cancelled a request it had not finished sending ([MS-TDS] 2.2.1.7). */
		boolean ignored() {
			return (status & STATUS_IGNORE) != 0;
		}

	}

}
