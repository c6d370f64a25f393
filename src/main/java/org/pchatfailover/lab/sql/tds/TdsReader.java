package org.pchatfailover.lab.sql.tds;

import java.nio.charset.StandardCharsets;

/** Reads the little-endian fields of a TDS message payload; a short payload is a protocol error. */
final class TdsReader {

	private final byte[] data;

	private int position;

	TdsReader(byte[] data) {
		this.data = data;
	}

	int position() {
		return position;
	}

	void position(int position) {
		this.position = position;
	}

	boolean hasRemaining() {
		return position < data.length;
	}

	int u8() {
		require(1);
		return data[position++] & 0xFF;
	}

	int u16() {
		return u8() | (u8() << 8);
	}

	int u16BigEndian() {
		return (u8() << 8) | u8();
	}

	long u32() {
		return (u16() & 0xFFFFL) | ((long) u16() << 16);
	}

	long i64() {
		return (u32() & 0xFFFFFFFFL) | (u32() << 32);
	}

	byte[] bytes(int length) {
		require(length);
		byte[] out = new byte[length];
		System.arraycopy(data, position, out, 0, length);
		position += length;
		return out;
	}

	/** UTF-16LE text of {@code chars} characters. */
	String ucs2(int chars) {
		return new String(bytes(chars * 2), StandardCharsets.UTF_16LE);
	}

	/** B_VARCHAR: a one-byte character count, then UTF-16LE. */
	String bVarchar() {
		return ucs2(u8());
	}

	void skip(int length) {
		require(length);
		position += length;
	}

	/** UTF-16LE text at an absolute offset, as LOGIN7 points at its variable fields. */
	String ucs2At(int offset, int chars) {
		if (offset < 0 || offset + chars * 2 > data.length) {
			throw new TdsProtocolException("field at offset " + offset + " runs past the end of the message");
		}
		return new String(data, offset, chars * 2, StandardCharsets.UTF_16LE);
	}

	byte[] bytesAt(int offset, int length) {
		if (offset < 0 || offset + length > data.length) {
			throw new TdsProtocolException("field at offset " + offset + " runs past the end of the message");
		}
		byte[] out = new byte[length];
		System.arraycopy(data, offset, out, 0, length);
		return out;
	}

	private void require(int length) {
		if (length < 0 || position + length > data.length) {
			throw new TdsProtocolException("message ends at byte " + data.length + ", needed " + length
					+ " more bytes at " + position);
		}
	}

	static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
