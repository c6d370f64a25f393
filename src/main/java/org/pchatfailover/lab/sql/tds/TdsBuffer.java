package org.pchatfailover.lab.sql.tds;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds a TDS payload: little-endian integers and UTF-16LE strings, as [MS-TDS] 2.2.5 defines them. */
final class TdsBuffer {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	TdsBuffer u8(int value) {
		out.write(value);
		return this;
	}

	TdsBuffer u16(int value) {
		return u8(value).u8(value >> 8);
	}

	TdsBuffer u16BigEndian(int value) {
		return u8(value >> 8).u8(value);
	}

	TdsBuffer u32(long value) {
		return u16((int) value).u16((int) (value >> 16));
	}

	TdsBuffer u32BigEndian(long value) {
		return u16BigEndian((int) (value >> 16)).u16BigEndian((int) value);
	}

	TdsBuffer u64(long value) {
		return u32(value).u32(value >>> 32);
	}

	TdsBuffer bytes(byte[] value) {
		out.writeBytes(value);
		return this;
	}

	TdsBuffer ucs2(String value) {
		return bytes(value.getBytes(StandardCharsets.UTF_16LE));
	}

	/** B_VARCHAR: one-byte character count (values are cut at 255 characters). */
	TdsBuffer bVarchar(String value) {
		String text = value.length() > 255 ? value.substring(0, 255) : value;
		return u8(text.length()).ucs2(text);
	}

	/** US_VARCHAR: two-byte character count. */
	TdsBuffer usVarchar(String value) {
		return u16(value.length()).ucs2(value);
	}

	int size() {
		return out.size();
	}

	byte[] toByteArray() {
		return out.toByteArray();
	}

}
