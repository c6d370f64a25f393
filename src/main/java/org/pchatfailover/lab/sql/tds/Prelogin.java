package org.pchatfailover.lab.sql.tds;

/**
 * PRELOGIN ([MS-TDS] 2.2.6.5): the client lists its options (version first, encryption, instance, thread id, MARS,
 * ...); the lab answers with its configured server version and the encryption SQL Server answers when it has a
 * certificate and does not force encryption (its self-generated one: "If no certificate has been provisioned on the
 * server when it starts up, SQL Server generates a self-signed certificate, which is used to encrypt login
 * packets", sql-docs connect/ado-net/encryption-and-certificate-validation.md).
 */
final class Prelogin {

	static final int VERSION = 0x00;

	static final int ENCRYPTION = 0x01;

	static final int INSTOPT = 0x02;

	static final int THREADID = 0x03;

	static final int MARS = 0x04;

	static final int TERMINATOR = 0xFF;

	/** Encryption is available but off: only the login packet is encrypted. */
	static final int ENCRYPT_OFF = 0x00;

	/** Encryption is available and on: the whole session is encrypted. */
	static final int ENCRYPT_ON = 0x01;

	static final int ENCRYPT_NOT_SUP = 0x02;

	static final int ENCRYPT_REQ = 0x03;

	/** Certificate-based authentication is requested by the client, OR'd onto the encryption value. */
	static final int ENCRYPT_CLIENT_CERT = 0x80;

	private Prelogin() {
	}

	/**
	 * The client's ENCRYPTION value (ENCRYPT_NOT_SUP when it sends none), after checking that the request is a
	 * well-formed option list that starts with the version ([MS-TDS] 3.3.5.1).
	 */
	static int clientEncryption(byte[] request) {
		TdsReader reader = new TdsReader(request);
		int option = reader.u8();
		if (option != VERSION) {
			throw new TdsProtocolException("PRELOGIN does not start with the client version");
		}
		int encryption = ENCRYPT_NOT_SUP;
		while (option != TERMINATOR) {
			int offset = reader.u16BigEndian();
			int length = reader.u16BigEndian();
			if (offset + length > request.length) {
				throw new TdsProtocolException("PRELOGIN option " + option + " points past the end of the message");
			}
			if (option == ENCRYPTION && length >= 1) {
				encryption = request[offset] & 0xFF;
			}
			option = reader.u8();
		}
		return encryption;
	}

	/**
	 * The server's answer per the table of [MS-TDS] 2.2.6.5, in the column of a server "set to ENCRYPT_OFF" (it has a
	 * certificate) or, without one, "set to ENCRYPT_NOT_SUP" (as Microsoft's copy of the table reads in
	 * Azure/SQL-Connectivity-Checker, TDSClient/TDS/PreLogin/TDSEncryptionOption.cs).
	 */
	static Encryption answer(int client, boolean certificate) {
		boolean clientCertificate = (client & ENCRYPT_CLIENT_CERT) != 0;
		int level = client & ~ENCRYPT_CLIENT_CERT;
		if (level > ENCRYPT_REQ) {
			throw new TdsProtocolException("unknown PRELOGIN encryption value " + client);
		}
		if (clientCertificate && level == ENCRYPT_NOT_SUP) {
			return new Encryption(ENCRYPT_REQ, true);
		}
		if (!certificate) {
			boolean wanted = clientCertificate || level == ENCRYPT_ON || level == ENCRYPT_REQ;
			return new Encryption(ENCRYPT_NOT_SUP, wanted);
		}
		return switch (level) {
			case ENCRYPT_OFF -> new Encryption(ENCRYPT_OFF, false);
			case ENCRYPT_NOT_SUP -> new Encryption(ENCRYPT_NOT_SUP, false);
			default -> new Encryption(ENCRYPT_ON, false);
		};
	}

	/** @param serverVersion major, minor, build (big-endian), sub-build, as {@code ServerVersion.tdsBytes()} */
	static byte[] response(byte[] serverVersion, int encryption) {
		byte[][] values = { serverVersion, { (byte) encryption }, { 0 }, {}, { 0 } };
		int[] options = { VERSION, ENCRYPTION, INSTOPT, THREADID, MARS };
		TdsBuffer out = new TdsBuffer();
		int offset = options.length * 5 + 1;
		for (int i = 0; i < options.length; i++) {
			out.u8(options[i]).u16BigEndian(offset).u16BigEndian(values[i].length);
			offset += values[i].length;
		}
		out.u8(TERMINATOR);
		for (byte[] value : values) {
			out.bytes(value);
		}
		return out.toByteArray();
	}

	/**
	 * What the server answers and does next.
	 *
	 * @param value the ENCRYPTION value sent back
	 * @param terminate "connection terminated": the server closes after answering
	 */
	record Encryption(int value, boolean terminate) {

		/** TLS follows (the login at least): ENCRYPT_OFF or ENCRYPT_ON answered. */
		boolean negotiated() {
			return !terminate && (value == ENCRYPT_OFF || value == ENCRYPT_ON);
		}

		/** "Encrypt entire connection" rather than "Encrypt login packet only". */
		boolean wholeSession() {
			return !terminate && value == ENCRYPT_ON;
		}

	}

}
