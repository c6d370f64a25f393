package org.pchatfailover.lab.sql.tds;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.pchatfailover.lab.sql.engine.SqlType;
import org.pchatfailover.lab.sql.engine.SqlVariant;

/**
 * A sql_variant value ([MS-TDS] 2.2.5.5.4): a four-byte length, then VARIANT_BASETYPE (the TDS token of the base
 * type), VARIANT_PROPBYTES, the properties and the data. Fixed-length bases (INT1/2/4/8, BIT, DATETIME) have no
 * properties; NVARCHAR has 7, "5-byte COLLATION, followed by a 2-byte max length"; NUMERIC 2, precision and scale.
 * mssql-jdbc (dtv.java readSqlVariant), jTDS (TdsData.getVariant) and FreeTDS (data.c tds_variant_get) read them so.
 */
final class VariantValues {

	private static final int INT1 = 0x30;

	private static final int BIT = 0x32;

	private static final int INT2 = 0x34;

	private static final int INT4 = 0x38;

	private static final int DATETIME = 0x3D;

	private static final int INT8 = 0x7F;

	private VariantValues() {
	}

	/** @param value a {@link SqlVariant}, or a plain value whose base type follows from its Java type */
	static void value(TdsBuffer out, Object value) {
		SqlVariant variant = value instanceof SqlVariant v ? v : inferred(value);
		TdsBuffer instance = new TdsBuffer();
		Object data = variant.value();
		switch (variant.baseType().kind()) {
			case NVARCHAR -> {
				byte[] text = data.toString().getBytes(StandardCharsets.UTF_16LE);
				int maxBytes = Math.max(text.length, Math.min(variant.baseType().length() * 2, 8000));
				instance.u8(TdsValues.NVARCHAR).u8(7).bytes(TdsValues.COLLATION).u16(maxBytes).bytes(text);
			}
			case INT -> instance.u8(INT4).u8(0).u32(((Number) data).intValue());
			case BIGINT -> instance.u8(INT8).u8(0).u64(((Number) data).longValue());
			case SMALLINT -> instance.u8(INT2).u8(0).u16(((Number) data).intValue());
			case TINYINT -> instance.u8(INT1).u8(0).u8(((Number) data).intValue());
			case BIT -> instance.u8(BIT).u8(0).u8(Boolean.TRUE.equals(data) ? 1 : 0);
			case DATETIME -> TdsValues.datetimeBody(instance.u8(DATETIME).u8(0), (LocalDateTime) data);
			case NUMERIC -> TdsValues.numericBody(instance.u8(TdsValues.NUMERICN).u8(2)
				.u8(variant.baseType().precision()).u8(variant.baseType().scale()), variant.baseType(), data);
			default -> throw new IllegalArgumentException("no sql_variant base type " + variant.baseType());
		}
		out.u32(instance.size()).bytes(instance.toByteArray());
	}

	private static SqlVariant inferred(Object value) {
		if (value instanceof Integer || value instanceof Short) {
			return new SqlVariant(SqlType.INT, value);
		}
		if (value instanceof Long) {
			return new SqlVariant(SqlType.BIGINT, value);
		}
		if (value instanceof Boolean) {
			return new SqlVariant(SqlType.BIT, value);
		}
		if (value instanceof LocalDateTime) {
			return new SqlVariant(SqlType.DATETIME, value);
		}
		if (value instanceof BigDecimal number) {
			return new SqlVariant(SqlType.numeric(38, Math.max(number.scale(), 0)), value);
		}
		return new SqlVariant(SqlType.nvarchar(4000), value.toString());
	}

}
