package org.pchatfailover.lab.sql;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A TDS client made of bytes, for what no driver sends on purpose: half packets, the ignore bit, a clear login after
 * asking for encryption, a bare attention. TDS 7.4, SQL logins, packets of 4096 bytes, no TLS. Every read is bounded
 * by the socket timeout given.
 */
final class RawTdsClient implements AutoCloseable {

	static final int SQL_BATCH = 0x01;

	static final int RPC = 0x03;

	static final int ATTENTION = 0x06;

	static final int LOGIN7 = 0x10;

	static final int PRELOGIN = 0x12;

	static final int EOM = 0x01;

	static final int IGNORE = 0x02;

	private final Socket socket;

	private final DataInputStream in;

	private final OutputStream out;

	RawTdsClient(int port, Duration timeout) throws IOException {
		socket = new Socket(InetAddress.getLoopbackAddress(), port);
		socket.setSoTimeout((int) timeout.toMillis());
		in = new DataInputStream(socket.getInputStream());
		out = socket.getOutputStream();
	}

	/** One packet with the given status bits. */
	void send(int type, int status, byte[] payload) throws IOException {
		ByteBuffer packet = ByteBuffer.allocate(8 + payload.length);
		packet.put((byte) type).put((byte) status).putShort((short) (8 + payload.length)).putShort((short) 0)
			.put((byte) 1).put((byte) 0).put(payload);
		out.write(packet.array());
		out.flush();
	}

	/** Raw bytes, e.g. half a packet header. */
	void sendBytes(byte[] bytes) throws IOException {
		out.write(bytes);
		out.flush();
	}

	/** The payload of the server's next message, its packets joined; null when the server closed the connection. */
	Reply read() throws IOException {
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		int type;
		int status;
		do {
			byte[] header = new byte[8];
			try {
				in.readFully(header);
			}
			catch (EOFException | SocketException ex) {
				return null;
			}
			type = header[0] & 0xFF;
			status = header[1] & 0xFF;
			byte[] body = new byte[(((header[2] & 0xFF) << 8) | (header[3] & 0xFF)) - 8];
			in.readFully(body);
			payload.write(body);
		}
		while ((status & EOM) == 0);
		return new Reply(type, payload.toByteArray());
	}

	/** True when the server has closed the connection: the next read ends the stream or is reset. */
	boolean closedByServer() throws IOException {
		try {
			return in.read() < 0;
		}
		catch (SocketException ex) {
			return true;
		}
	}

	/** PRELOGIN with VERSION and ENCRYPTION, as the smallest clients send it. */
	static byte[] prelogin(int encryption) {
		return new byte[] { 0x00, 0x00, 0x0B, 0x00, 0x06, 0x01, 0x00, 0x11, 0x00, 0x01, (byte) 0xFF, 0x0D, 0x00, 0x00,
				0x00, 0x00, 0x00, (byte) encryption };
	}

	/** The ENCRYPTION value of a PRELOGIN response. */
	static int encryptionOf(byte[] prelogin) {
		for (int i = 0; (prelogin[i] & 0xFF) != 0xFF; i += 5) {
			if (prelogin[i] == 0x01) {
				return prelogin[((prelogin[i + 1] & 0xFF) << 8) | (prelogin[i + 2] & 0xFF)] & 0xFF;
			}
		}
		throw new IllegalArgumentException("no ENCRYPTION option");
	}

	/** A TDS 7.4 LOGIN7 for a SQL login ([MS-TDS] 2.2.6.4): 94 fixed bytes, then host, user, password, app. */
	static byte[] login7(String user, String password) {
		String[] values = { "raw-client", user, password, "raw-tds" };
		ByteBuffer login = ByteBuffer.allocate(94 + 2 * (values[0] + user + password + values[3]).length())
			.order(ByteOrder.LITTLE_ENDIAN);
		login.putInt(login.capacity()).putInt(0x74000004).putInt(4096).putInt(0).putInt(0).putInt(0);
		login.put((byte) 0xE0).put((byte) 0x03).put((byte) 0).put((byte) 0).putInt(0).putInt(0x0409);
		int offset = 94;
		for (String value : values) {
			login.putShort((short) offset).putShort((short) value.length());
			offset += 2 * value.length();
		}
		for (int i = 0; i < 5; i++) { // server name, extension, library, language, database: empty
			login.putShort((short) offset).putShort((short) 0);
		}
		login.put(new byte[6]).putShort((short) offset).putShort((short) 0).putShort((short) offset)
			.putShort((short) 0).putShort((short) offset).putShort((short) 0).putInt(0);
		for (int v = 0; v < values.length; v++) {
			byte[] bytes = values[v].getBytes(StandardCharsets.UTF_16LE);
			if (v == 2) {
				for (int i = 0; i < bytes.length; i++) {
					int b = bytes[i] & 0xFF;
					bytes[i] = (byte) ((((b & 0x0F) << 4) | (b >> 4)) ^ 0xA5);
				}
			}
			login.put(bytes);
		}
		return login.array();
	}

	/** A SQL batch with the ALL_HEADERS of TDS 7.2 and later (a transaction descriptor). */
	static byte[] batch(String sql) {
		byte[] text = sql.getBytes(StandardCharsets.UTF_16LE);
		ByteBuffer batch = ByteBuffer.allocate(22 + text.length).order(ByteOrder.LITTLE_ENDIAN);
		batch.putInt(22).putInt(18).putShort((short) 2).putLong(0).putInt(1).put(text);
		return batch.array();
	}

	/**
	 * An RPC by procedure id ([MS-TDS] 2.2.6.6) with int and nvarchar parameters; a name starting with '>' is sent
	 * by reference (OUTPUT), e.g. {@code ">@handle"}.
	 */
	static byte[] rpc(int procedureId, Object... namesAndValues) {
		ByteBuffer rpc = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
		rpc.putInt(22).putInt(18).putShort((short) 2).putLong(0).putInt(1);
		rpc.putShort((short) 0xFFFF).putShort((short) procedureId).putShort((short) 0);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			String name = (String) namesAndValues[i];
			boolean output = name.startsWith(">");
			byte[] nameBytes = name.substring(output ? 1 : 0).getBytes(StandardCharsets.UTF_16LE);
			rpc.put((byte) (nameBytes.length / 2)).put(nameBytes).put((byte) (output ? 1 : 0));
			Object value = namesAndValues[i + 1];
			if (value instanceof String text) {
				byte[] bytes = text.getBytes(StandardCharsets.UTF_16LE);
				rpc.put((byte) 0xE7).putShort((short) 8000).put(new byte[] { 0x09, 0x04, (byte) 0xD0, 0x00, 0x34 })
					.putShort((short) bytes.length).put(bytes);
			}
			else {
				rpc.put((byte) 0x26).put((byte) 4);
				if (value == null) {
					rpc.put((byte) 0);
				}
				else {
					rpc.put((byte) 4).putInt((Integer) value);
				}
			}
		}
		byte[] bytes = new byte[rpc.position()];
		rpc.flip().get(bytes);
		return bytes;
	}

	/** Logs in without encryption (PRELOGIN ENCRYPT_NOT_SUP) and returns the LOGINACK reply. */
	Reply logIn(String user, String password) throws IOException {
		send(PRELOGIN, EOM, prelogin(0x02));
		read();
		send(LOGIN7, EOM, login7(user, password));
		return read();
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

	/** A server message: packet type and payload. */
	record Reply(int type, byte[] payload) {

		/** The status of the DONE or DONEPROC token (0xFD, 0xFE) that ends every reply. */
		int lastDoneStatus() {
			int at = payload.length - 13;
			if ((payload[at] & 0xFF) != 0xFD && (payload[at] & 0xFF) != 0xFE) {
				throw new IllegalStateException("reply does not end in a TDS 7.2+ DONE token");
			}
			return (payload[at + 1] & 0xFF) | ((payload[at + 2] & 0xFF) << 8);
		}

		/** Whether the reply holds this UTF-16LE text, e.g. a column name or a RETURNVALUE's parameter name. */
		boolean contains(String text) {
			return new String(payload, StandardCharsets.UTF_16LE).contains(text)
					|| new String(payload, 1, payload.length - 1, StandardCharsets.UTF_16LE).contains(text);
		}

	}

}
