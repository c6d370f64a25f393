package org.pchatfailover.lab.sql.tds;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.pchatfailover.lab.sql.engine.SqlType;

/**
 * TYPE_INFO and values of the result column types the lab returns ([MS-TDS] 2.2.5.4-2.2.5.5): the nullable
 * variants (INTN, BITN, NUMERICN, DATETIMN, GUID) and NVARCHAR/VARBINARY with two-byte lengths. All of them exist
 * since TDS 7.0 except bigint and collations; for a TDS 7.0 client, SQL Server describes a bigint as
 * numeric(19,0) and leaves the collation out.
 */
final class TdsValues {

	/** SQL_Latin1_General_CP1_CI_AS, as LCID, flags and sort id. */
	static final byte[] COLLATION = { 0x09, 0x04, (byte) 0xD0, 0x00, 0x34 };

	/** The collation's locale, us_english. */
	static final int LCID_US_ENGLISH = 0x0409;

	private static final SqlType BIGINT_AS_NUMERIC = SqlType.numeric(19, 0);

	private static final SqlType VARIANT_AS_TEXT = SqlType.nvarchar(4000);

	static final int INTN = 0x26;

	static final int GUID = 0x24;

	static final int BITN = 0x68;

	static final int NUMERICN = 0x6C;

	static final int DATETIMN = 0x6F;

	static final int BIGVARBINARY = 0xA5;

	static final int NVARCHAR = 0xE7;

	static final int SSVARIANT = 0x62;

	private static final LocalDate DATETIME_EPOCH = LocalDate.of(1900, 1, 1);

	private TdsValues() {
	}

	static void typeInfo(TdsBuffer out, SqlType declared, TdsVersion version) {
		SqlType type = asSent(declared, version);
		switch (type.kind()) {
			case NVARCHAR -> {
				out.u8(NVARCHAR).u16(Math.min(type.length() * 2, 8000));
				if (version.hasCollations()) {
					out.bytes(COLLATION);
				}
			}
			case BIGINT, INT, SMALLINT, TINYINT -> out.u8(INTN).u8(type.length());
			case BIT -> out.u8(BITN).u8(1);
			case NUMERIC -> out.u8(NUMERICN).u8(numericBytes(type.precision())).u8(type.precision()).u8(type.scale());
			case DATETIME -> out.u8(DATETIMN).u8(8);
			case UNIQUEIDENTIFIER -> out.u8(GUID).u8(16);
			case VARBINARY -> out.u8(BIGVARBINARY).u16(type.length());
			// LONGLEN: a four-byte maximum length (mssql-jdbc and jTDS read an int, FreeTDS a varint of 4)
			case SQL_VARIANT -> out.u8(SSVARIANT).u32(type.length());
		}
	}

	static void value(TdsBuffer out, SqlType declared, Object declaredValue, TdsVersion version) {
		SqlType type = asSent(declared, version);
		boolean variantAsText = type != declared && declared.kind() == SqlType.Kind.SQL_VARIANT;
		Object value = variantAsText && declaredValue != null ? declaredValue.toString() : declaredValue;
		if (value == null) {
			boolean twoByteLength = type.kind() == SqlType.Kind.NVARCHAR || type.kind() == SqlType.Kind.VARBINARY;
			if (type.kind() == SqlType.Kind.SQL_VARIANT) {
				out.u32(0); // "If the value is NULL, the sql_variant itself has to be NULL"
			}
			else if (twoByteLength) {
				out.u16(0xFFFF);
			}
			else {
				out.u8(0);
			}
			return;
		}
		switch (type.kind()) {
			case NVARCHAR -> {
				byte[] text = value.toString().getBytes(StandardCharsets.UTF_16LE);
				out.u16(text.length).bytes(text);
			}
			case SQL_VARIANT -> VariantValues.value(out, value);
			case BIGINT -> out.u8(8).u64(((Number) value).longValue());
			case INT -> out.u8(4).u32(((Number) value).intValue());
			case SMALLINT -> out.u8(2).u16(((Number) value).intValue());
			case TINYINT -> out.u8(1).u8(((Number) value).intValue());
			case BIT -> out.u8(1).u8(Boolean.TRUE.equals(value) ? 1 : 0);
			case NUMERIC -> numeric(out, type, value);
			case DATETIME -> datetime(out, (LocalDateTime) value);
			case UNIQUEIDENTIFIER -> guid(out, (UUID) value);
			case VARBINARY -> out.u16(((byte[]) value).length).bytes((byte[]) value);
		}
	}

	/**
	 * bigint and sql_variant arrived after TDS 7.0 (SQL Server 7.0 had neither): its clients get numeric(19,0) and the
	 * variant's value as text.
	 */
	private static SqlType asSent(SqlType type, TdsVersion version) {
		if (version.hasCollations()) {
			return type;
		}
		return switch (type.kind()) {
			case BIGINT -> BIGINT_AS_NUMERIC;
			case SQL_VARIANT -> VARIANT_AS_TEXT;
			default -> type;
		};
	}

	static int numericBytes(int precision) {
		return precision <= 9 ? 5 : precision <= 19 ? 9 : precision <= 28 ? 13 : 17;
	}

	private static void numeric(TdsBuffer out, SqlType type, Object value) {
		numericBody(out.u8(numericBytes(type.precision())), type, value);
	}

	/** Sign byte, then the magnitude little-endian in the bytes the precision takes. */
	static void numericBody(TdsBuffer out, SqlType type, Object value) {
		BigInteger unscaled = new BigDecimal(value.toString()).setScale(type.scale()).unscaledValue();
		int length = numericBytes(type.precision());
		out.u8(unscaled.signum() < 0 ? 0 : 1);
		byte[] magnitude = unscaled.abs().toByteArray();
		for (int i = 0; i < length - 1; i++) {
			int index = magnitude.length - 1 - i;
			out.u8(index >= 0 ? magnitude[index] : 0);
		}
	}

	private static void datetime(TdsBuffer out, LocalDateTime time) {
		datetimeBody(out.u8(8), time);
	}

	/** Days since 1900-01-01 and 1/300 seconds since midnight of the server's wall-clock time. */
	static void datetimeBody(TdsBuffer out, LocalDateTime time) {
		long days = ChronoUnit.DAYS.between(DATETIME_EPOCH, time.toLocalDate());
		long millis = Duration.between(time.toLocalDate().atStartOfDay(), time).toMillis();
		out.u32(days).u32(Math.round(millis * 0.3));
	}

	/** The first three groups little-endian, as SQL Server stores a uniqueidentifier. */
	private static void guid(TdsBuffer out, UUID value) {
		long high = value.getMostSignificantBits();
		out.u8(16).u32(high >>> 32).u16((int) (high >>> 16)).u16((int) high);
		long low = value.getLeastSignificantBits();
		for (int shift = 56; shift >= 0; shift -= 8) {
			out.u8((int) (low >>> shift));
		}
	}

}
