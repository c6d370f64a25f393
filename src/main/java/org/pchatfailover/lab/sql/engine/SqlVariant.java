package org.pchatfailover.lab.sql.engine;

import java.util.Objects;

/**
 * A sql_variant value: the value and the base type it keeps ("When a SSVARIANTTYPE is filled with a data value, it
 * takes on properties of the base data type that represents the data value", [MS-TDS] 2.2.5.5.4). A NULL sql_variant
 * is a plain {@code null}, never a variant wrapping one: "Data types cannot be NULL when inside a sql_variant".
 *
 * @param baseType nvarchar, int, bigint, tinyint, bit or datetime: the base types the lab's variants hold
 * @param value the value, of the Java type the lab uses for the base type
 */
public record SqlVariant(SqlType baseType, Object value) {

	public SqlVariant {
		Objects.requireNonNull(baseType, "baseType");
		Objects.requireNonNull(value, "a NULL sql_variant is null itself");
	}

	public static SqlVariant nvarchar(String value) {
		return new SqlVariant(SqlType.nvarchar(128), value);
	}

	public static SqlVariant integer(int value) {
		return new SqlVariant(SqlType.INT, value);
	}

	/** The value inside a variant, anything else as it is: comparisons and conversions see the base value. */
	static Object unwrap(Object value) {
		return value instanceof SqlVariant variant ? variant.value() : value;
	}

	@Override
	public String toString() {
		return String.valueOf(value);
	}

}
