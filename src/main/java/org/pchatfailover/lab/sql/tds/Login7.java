package org.pchatfailover.lab.sql.tds;

/**
 * The LOGIN7 record ([MS-TDS] 2.2.6.4): fixed fields, then offset/length pairs (in characters) that point at
 * UTF-16LE strings. The password is obfuscated, not encrypted: each byte had its nibbles swapped and was XORed
 * with 0xA5.
 *
 * @param tdsVersion TDS version the client asks for
 * @param packetSize packet size the client asks for
 * @param hostName client host
 * @param userName SQL login
 * @param password SQL password (never logged)
 * @param appName application name
 * @param database initial database, empty for the login's default
 */
record Login7(long tdsVersion, int packetSize, String hostName, String userName, String password, String appName,
		String database) {

	/** The fixed part up to ibAtchDBFile/cchAtchDBFile; TDS 7.2 added the change-password and long-SSPI fields. */
	private static final int FIXED_LENGTH_7_0 = 86;

	private static final int HOST_NAME = 36;

	private static final int USER_NAME = 40;

	private static final int PASSWORD = 44;

	private static final int APP_NAME = 48;

	private static final int DATABASE = 68;

	@Override
	public String toString() {
		return "Login7[user=" + userName + ", app=" + appName + ", host=" + hostName + ", database=" + database + "]";
	}

	static Login7 parse(byte[] payload) {
		TdsReader reader = new TdsReader(payload);
		long length = reader.u32();
		if (length > payload.length || length < FIXED_LENGTH_7_0) {
			throw new TdsProtocolException("LOGIN7 length " + length + " does not match the message");
		}
		long tdsVersion = reader.u32();
		int packetSize = (int) reader.u32();
		return new Login7(tdsVersion, packetSize, string(reader, payload, HOST_NAME),
				string(reader, payload, USER_NAME), password(reader), string(reader, payload, APP_NAME),
				string(reader, payload, DATABASE));
	}

	private static String string(TdsReader reader, byte[] payload, int field) {
		reader.position(field);
		int offset = reader.u16();
		int chars = reader.u16();
		return reader.ucs2At(offset, chars);
	}

	private static String password(TdsReader reader) {
		reader.position(PASSWORD);
		int offset = reader.u16();
		int chars = reader.u16();
		byte[] obfuscated = reader.bytesAt(offset, chars * 2);
		for (int i = 0; i < obfuscated.length; i++) {
			int b = (obfuscated[i] & 0xFF) ^ 0xA5;
			obfuscated[i] = (byte) (((b & 0x0F) << 4) | (b >> 4));
		}
		return new String(obfuscated, java.nio.charset.StandardCharsets.UTF_16LE);
	}

}
