package org.pchatfailover.lab.sql.tds;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.pchatfailover.lab.sql.engine.SqlErrors;

/**
 * Reads one RPC parameter value after its TYPE_INFO ([MS-TDS] 2.2.5.4): the types mssql-jdbc and sqlcmd send for
 * strings, integers, bits, decimals and binaries. Other types are refused with SQL Server's error 8009.
 */
final class RpcValueReader {

	private static final long PLP_NULL = -1L;

	private static final Charset CP1252 = Charset.forName("windows-1252");

	private RpcValueReader() {
	}

	static Object read(TdsReader reader, int ordinal, String name) {
		int type = reader.u8();
		return switch (type) {
			case 0x30 -> (long) reader.u8();
			case 0x34 -> (long) (short) reader.u16();
			case 0x38 -> (long) (int) reader.u32();
			case 0x7F -> reader.i64();
			case 0x32 -> reader.u8() != 0;
			case 0x26 -> intN(reader);
			case 0x68 -> bitN(reader);
			case 0xE7, 0xEF -> characters(reader, true);
			case 0xA7, 0xAF -> characters(reader, false);
			case 0xA5, 0xAD -> binary(reader);
			case 0x6A, 0x6C -> decimal(reader);
			default -> throw new org.pchatfailover.lab.sql.engine.SqlException(
					SqlErrors.unknownRpcType(ordinal, name, type));
		};
	}

	private static Long intN(TdsReader reader) {
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

	private static Boolean bitN(TdsReader reader) {
		reader.u8();
		int length = reader.u8();
		return length == 0 ? null : reader.u8() != 0;
	}

	private static String characters(TdsReader reader, boolean unicode) {
		int maxLength = reader.u16();
		reader.skip(5); // collation
		byte[] bytes = maxLength == 0xFFFF ? plp(reader) : shortLengthBytes(reader);
		if (bytes == null) {
			return null;
		}
		return new String(bytes, unicode ? StandardCharsets.UTF_16LE : CP1252);
	}

	private static byte[] binary(TdsReader reader) {
		int maxLength = reader.u16();
		return maxLength == 0xFFFF ? plp(reader) : shortLengthBytes(reader);
	}

	private static BigDecimal decimal(TdsReader reader) {
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

	private static byte[] shortLengthBytes(TdsReader reader) {
		int length = reader.u16();
		return length == 0xFFFF ? null : reader.bytes(length);
	}

	/** Partially length-prefixed: total length (or null / unknown), then chunks up to a zero-length one. */
	private static byte[] plp(TdsReader reader) {
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
