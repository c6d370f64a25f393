package org.pchatfailover.lab.sql.tds;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * Reads one RPC parameter value after its TYPE_INFO ([MS-TDS] 2.2.5.4): the types mssql-jdbc, jTDS and sqlcmd send
 * for strings, integers, bits, decimals and binaries. Other types are refused with SQL Server's error 8009.
 * Character types carry a collation from TDS 7.1 on; text, ntext and image are what older clients send for long
 * values.
 */
final class RpcValueReader {

	private static final long PLP_NULL = -1L;

	private static final long TEXT_NULL = 0xFFFFFFFFL;

	private static final Charset CP1252 = Charset.forName("windows-1252");

	private final TdsReader reader;

	private final TdsVersion version;

	RpcValueReader(TdsReader reader, TdsVersion version) {
		this.reader = reader;
		this.version = version;
	}

	Object read(int ordinal, String name) {
		int type = reader.u8();
		return switch (type) {
			case 0x30 -> (long) reader.u8();
			case 0x34 -> (long) (short) reader.u16();
			case 0x38 -> (long) (int) reader.u32();
			case 0x7F -> reader.i64();
			case 0x32 -> reader.u8() != 0;
			case 0x26 -> intN();
			case 0x68 -> bitN();
			case 0xE7, 0xEF -> characters(true);
			case 0xA7, 0xAF -> characters(false);
			case 0xA5, 0xAD -> binary();
			case 0x6A, 0x6C -> decimal();
			case 0x63 -> text(true);
			case 0x23 -> text(false);
			case 0x22 -> image();
			default -> throw new SqlException(SqlErrors.unknownRpcType(ordinal, name, type));
		};
	}

	private Long intN() {
		reader.u8(); // max length
		int length = reader.u8();
		return switch (length) {
			case 0 -> null;
			case 1 -> (long) reader.u8();
			case 2 -> (long) (short) reader.u16();
			case 4 -> (long) (int) reader.u32();
			case 8 -> reader.i64();
			default -> throw new TdsProtocolException("INTN length " + length);
		};
	}

	private Boolean bitN() {
		reader.u8();
		int length = reader.u8();
		return length == 0 ? null : reader.u8() != 0;
	}

	private String characters(boolean unicode) {
		int maxLength = reader.u16();
		skipCollation();
		return string(maxLength == 0xFFFF ? plp() : shortLengthBytes(), unicode);
	}

	/** text and ntext: four-byte maximum and actual lengths. */
	private String text(boolean unicode) {
		reader.u32();
		skipCollation();
		return string(longLengthBytes(), unicode);
	}

	private byte[] image() {
		reader.u32();
		return longLengthBytes();
	}

	private void skipCollation() {
		if (version.hasCollations()) {
			reader.skip(TdsValues.COLLATION.length); // varchar is read as code page 1252, the lab's only collation
		}
	}

	private static String string(byte[] bytes, boolean unicode) {
		return bytes == null ? null : new String(bytes, unicode ? StandardCharsets.UTF_16LE : CP1252);
	}

	private byte[] longLengthBytes() {
		long length = reader.u32();
		return length == TEXT_NULL ? null : reader.bytes((int) length);
	}

	private byte[] binary() {
		int maxLength = reader.u16();
		return maxLength == 0xFFFF ? plp() : shortLengthBytes();
	}

	private BigDecimal decimal() {
		reader.u8(); // max length
		reader.u8(); // precision
		int scale = reader.u8();
		int length = reader.u8();
		if (length == 0) {
			return null;
		}
		boolean positive = reader.u8() == 1;
		byte[] littleEndian = reader.bytes(length - 1);
		byte[] bigEndian = new byte[littleEndian.length];
		for (int i = 0; i < littleEndian.length; i++) {
			bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
		}
		BigInteger magnitude = new BigInteger(1, bigEndian);
		return new BigDecimal(positive ? magnitude : magnitude.negate(), scale);
	}

	private byte[] shortLengthBytes() {
		int length = reader.u16();
		return length == 0xFFFF ? null : reader.bytes(length);
	}

	/** Partially length-prefixed: total length (or null / unknown), then chunks up to a zero-length one. */
	private byte[] plp() {
		long total = reader.i64();
		if (total == PLP_NULL) {
			return null;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		long chunk = reader.u32();
		while (chunk != 0) {
			out.writeBytes(reader.bytes((int) chunk));
			chunk = reader.u32();
		}
		return out.toByteArray();
	}

}
