package org.pchatfailover.lab.sql.tds;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * TDS packets on one socket ([MS-TDS] 2.2.3): an 8-byte header (type, status, big-endian length including the
 * header, SPID, packet id, window) in front of each packet; a message is the packets up to the one with the
 * end-of-message status bit.
 */
final class TdsPacketChannel {

	static final int HEADER_SIZE = 8;

	static final int STATUS_EOM = 0x01;

	private final InputStream in;

	private final OutputStream out;

	private int packetSize = 4096;

	private int spid;

	TdsPacketChannel(InputStream in, OutputStream out) {
		this.in = in;
		this.out = out;
	}

	/** One client request, its packets joined; null when the client closed the connection between messages. */
	TdsMessage read() throws IOException {
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		byte[] header = new byte[HEADER_SIZE];
		int type = -1;
		while (true) {
			if (!readFully(header, type == -1)) {
				return null;
			}
			type = header[0] & 0xFF;
			int length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
			if (length < HEADER_SIZE) {
				throw new IOException("TDS packet length " + length + " is shorter than its header");
			}
			byte[] body = new byte[length - HEADER_SIZE];
			readFully(body, false);
			payload.write(body);
			if ((header[1] & STATUS_EOM) != 0) {
				return new TdsMessage(type, payload.toByteArray());
			}
		}
	}

	/** Sends a server reply (type 0x04) split into packets of the negotiated size. */
	void write(int type, byte[] payload) throws IOException {
		int chunk = packetSize - HEADER_SIZE;
		int offset = 0;
		int packetId = 1;
		do {
			int length = Math.min(chunk, payload.length - offset);
			boolean last = offset + length >= payload.length;
			byte[] header = { (byte) type, (byte) (last ? STATUS_EOM : 0), (byte) ((length + HEADER_SIZE) >> 8),
					(byte) (length + HEADER_SIZE), (byte) (spid >> 8), (byte) spid, (byte) packetId++, 0 };
			out.write(header);
			out.write(payload, offset, length);
			offset += length;
		}
		while (offset < payload.length);
		out.flush();
	}

	void packetSize(int size) {
		this.packetSize = size;
	}

	void spid(int spid) {
		this.spid = spid;
	}

	private boolean readFully(byte[] buffer, boolean eofAllowed) throws IOException {
		int read = 0;
		while (read < buffer.length) {
			int n = in.read(buffer, read, buffer.length - read);
			if (n < 0) {
				if (eofAllowed && read == 0) {
					return false;
				}
				throw new EOFException("connection closed inside a TDS packet");
			}
			read += n;
		}
		return true;
	}

	/** A whole client message: packet type and the payload of all its packets. */
	record TdsMessage(int type, byte[] payload) {

		static final int SQL_BATCH = 0x01;

		static final int RPC = 0x03;

		static final int ATTENTION = 0x06;

		static final int TRANSACTION_MANAGER = 0x0E;

		static final int LOGIN7 = 0x10;

		static final int PRELOGIN = 0x12;

		static final int REPLY = 0x04;

	}

}
