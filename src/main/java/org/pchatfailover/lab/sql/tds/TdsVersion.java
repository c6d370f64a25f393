package org.pchatfailover.lab.sql.tds;

/**
 * The TDS version a connection speaks, agreed in LOGIN7/LOGINACK ([MS-TDS] 2.2.6.4, 2.2.7.14): the server answers
 * with the highest version it knows that is not newer than the client's, and from then on encodes tokens the way
 * that version defines them. SQL Server 2022 still serves TDS 7.0 and 7.1 clients such as jTDS and old FreeTDS.
 */
enum TdsVersion {

	/** SQL Server 7.0: no collations, no bigint. Its LOGINACK value is written the old way round. */
	V7_0(0x07000000L),

	/** SQL Server 2000 SP1 (jTDS "tds=8.0"): collations, bigint; 16-bit user types and 32-bit row counts. */
	V7_1(0x71000001L),

	/** SQL Server 2005: ALL_HEADERS, 32-bit user types, 64-bit row counts, (max) types. */
	V7_2(0x72090002L),

	/** SQL Server 2008: date, time, datetime2, datetimeoffset. */
	V7_3(0x730B0003L),

	/** SQL Server 2012 and later. */
	V7_4(0x74000004L),

	/**
	 * TDS 8.0, asked for in LOGIN7 after TLS came first (mssql-jdbc IOBuffer.java: {@code VER_TDS80 = 0x08000000},
	 * tedious tds-versions.ts {@code '8_0': 0x08000000}): the tokens of 7.4. The references are silent on the value
	 * LOGINACK returns for it; the lab returns the version asked for.
	 */
	V8_0(0x08000000L);

	private final long wire;

	TdsVersion(long wire) {
		this.wire = wire;
	}

	/**
	 * The version to speak with a client whose LOGIN7 asks for {@code requested} (0x70000000 for TDS 7.0 up to
	 * 0x74000004); 0x07000000 and 0x07010000, the LOGINACK spelling of 7.0 and 7.1, are taken as well.
	 */
	static TdsVersion negotiate(long requested) {
		int major = (int) (requested >>> 24);
		if (major == 0x08) {
			return V8_0;
		}
		int minor = major == 0x07 ? (int) ((requested >>> 16) & 0xFF) : major - 0x70;
		if (major != 0x07 && major < 0x70) {
			throw new TdsProtocolException("LOGIN7 asks for TDS version 0x" + Long.toHexString(requested));
		}
		return values()[Math.min(minor, V7_4.ordinal())];
	}

	/** The value LOGINACK returns (big-endian there, unlike in LOGIN7). */
	long wire() {
		return wire;
	}

	boolean atLeast(TdsVersion other) {
		return compareTo(other) >= 0;
	}

	/** Requests start with ALL_HEADERS; user types are 32-bit, DONE row counts and message line numbers wider. */
	boolean isSql2005OrLater() {
		return atLeast(V7_2);
	}

	/** Character types carry a collation, and bigint exists. */
	boolean hasCollations() {
		return atLeast(V7_1);
	}

}
