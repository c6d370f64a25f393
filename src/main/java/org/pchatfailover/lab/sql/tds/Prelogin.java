package org.pchatfailover.lab.sql.tds;

/**
 * PRELOGIN ([MS-TDS] 2.2.6.5): the client lists its options (version, encryption, instance, thread id, MARS);
 * the lab answers with its configured server version and ENCRYPT_NOT_SUP, so a client with {@code encrypt=false}
 * continues in clear text, and a client that insists on encryption gets a clear refusal from its driver.
 */
final class Prelogin {

	static final int VERSION = 0x00;

	static final int ENCRYPTION = 0x01;

	static final int INSTOPT = 0x02;

	static final int THREADID = 0x03;

	static final int MARS = 0x04;

	static final int TERMINATOR = 0xFF;

	static final int ENCRYPT_NOT_SUP = 0x02;

	private Prelogin() {
	}

	/** Checks that the request is a well-formed option list; the lab's answer does not depend on it. */
	static void validate(byte[] request) {
		TdsReader reader = new TdsReader(request);
		int option = reader.u8();
		while (option != TERMINATOR) {
			int offset = reader.u16BigEndian();
			int length = reader.u16BigEndian();
			if (offset + length > request.length) {
				throw new TdsProtocolException("PRELOGIN option " + option + " points past the end of the message");
			}
			option = reader.u8();
		}
	}

	/** @param serverVersion major, minor, build (big-endian), sub-build, as {@code ServerVersion.tdsBytes()} */
	static byte[] response(byte[] serverVersion) {
		byte[][] values = { serverVersion, { ENCRYPT_NOT_SUP }, { 0 }, {}, { 0 } };
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

}
