package org.pchatfailover.lab.sql.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pchatfailover.lab.sql.errors.ExpressionErrors;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * CAST, CONVERT and the conversions of DECLARE and SET, to the types the lab has (character types, int, bigint,
 * smallint, tinyint, bit, numeric/decimal, datetime, uniqueidentifier, sql_variant). "The default value is 30" for a
 * length left out in CAST and CONVERT; numeric to int truncates, "datetime → int Round" (sql-docs
 * cast-and-convert-transact-sql). Any other target type is refused as not simulated.
 */
final class Conversions {

	/** 1900-01-01, day 0 of datetime. */
	static final LocalDateTime DATETIME_ZERO = LocalDateTime.of(1900, 1, 1, 0, 0);

	private static final Pattern TYPE = Pattern.compile("([a-z_]+)(?:\\((max|\\d+)(?:,(\\d+))?\\))?");

	private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

	private Conversions() {
	}

	/**
	 * A target type as written ({@code nvarchar(128)}, {@code varchar}, {@code numeric(25,0)}).
	 *
	 * @param name the base type name, lower case
	 */
	record Target(String name, SqlType type) {

		boolean character() {
			return type.kind() == SqlType.Kind.NVARCHAR;
		}

	}

	/**
	 * @param defaultLength the length of a character type written without one: 30 in CAST and CONVERT, 1 in DECLARE
	 * @return the target, or null for a type the lab does not convert to
	 */
	static Target target(String typeName, int defaultLength) {
		Matcher m = TYPE.matcher(typeName.toLowerCase(Locale.ROOT).replace(" ", ""));
		if (!m.matches()) {
			return null;
		}
		String base = m.group(1);
		String size = m.group(2);
		SqlType type = switch (base) {
			case "nvarchar", "varchar", "nchar", "char" -> SqlType.nvarchar(size == null ? defaultLength
					: size.equals("max") ? 4000 : Integer.parseInt(size));
			case "sysname" -> SqlType.nvarchar(128);
			case "int" -> SqlType.INT;
			case "bigint" -> SqlType.BIGINT;
			case "smallint" -> SqlType.SMALLINT;
			case "tinyint" -> SqlType.TINYINT;
			case "bit" -> SqlType.BIT;
			case "datetime" -> SqlType.DATETIME;
			case "uniqueidentifier" -> SqlType.UNIQUEIDENTIFIER;
			case "sql_variant" -> SqlType.SQL_VARIANT;
			case "numeric", "decimal" -> SqlType.numeric(size == null ? 18 : Integer.parseInt(size),
					m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
			default -> null;
		};
		return type == null ? null : new Target(base, type);
	}

	/** CAST or CONVERT of {@code value} to {@code typeName}; {@code style} only changes datetime text and parsing. */
	static Object convert(Object value, String typeName, Integer style) {
		Target target = target(typeName, 30);
		if (target == null) {
			throw new SqlException(SqlErrors.notSimulated("CAST or CONVERT to " + typeName));
		}
		return convert(value, target, style);
	}

	static Object convert(Object original, Target target, Integer style) {
		if (original == null) {
			return null;
		}
		if (target.type().kind() == SqlType.Kind.SQL_VARIANT) {
			return original instanceof SqlVariant ? original : new SqlVariant(sqlType(original), original);
		}
		Object value = SqlVariant.unwrap(original);
		return switch (target.type().kind()) {
			case NVARCHAR -> text(value, target, style);
			case INT, BIGINT, SMALLINT, TINYINT -> integer(value, target);
			case BIT -> bit(value);
			case NUMERIC -> decimal(value, target.type());
			case DATETIME -> datetime(value, style);
			case UNIQUEIDENTIFIER -> uuid(value);
			default -> throw new SqlException(SqlErrors.notSimulated("CAST or CONVERT to " + target.name()));
		};
	}

	/** The text of a value: datetime by style, numbers as written, bit as 1 or 0, uniqueidentifier upper case. */
	static String text(Object value, Integer style) {
		Object plain = SqlVariant.unwrap(value);
		if (plain == null) {
			return null;
		}
		if (plain instanceof LocalDateTime time) {
			return DatetimeText.format(time, style);
		}
		if (plain instanceof BigDecimal number) {
			return number.toPlainString();
		}
		if (plain instanceof Boolean bit) {
			return bit ? "1" : "0";
		}
		if (plain instanceof UUID id) {
			return id.toString().toUpperCase(Locale.ROOT);
		}
		return plain.toString();
	}

	/**
	 * Longer text is cut to the length, "except": int to char or varchar that does not fit is '*', to nchar or
	 * nvarchar an error, as is any numeric that does not fit.
	 */
	private static String text(Object value, Target target, Integer style) {
		String text = text(value, style);
		int length = target.type().length();
		if (text.length() <= length || !(value instanceof Number)) {
			return text.length() <= length ? text : text.substring(0, length);
		}
		boolean integer = value instanceof Integer || value instanceof Long;
		if (integer && !target.name().startsWith("n")) {
			return "*";
		}
		throw new SqlException(ExpressionErrors.arithmeticOverflow(typeName(value), target.name()));
	}

	private static Object integer(Object value, Target target) {
		BigInteger number;
		if (value instanceof String text) {
			if (!INTEGER.matcher(text.strip()).matches()) {
				throw new SqlException(SqlErrors.conversionFailed(text, target.name()));
			}
			number = new BigInteger(text.strip().replace("+", ""));
		}
		else if (value instanceof Boolean bit) {
			number = bit ? BigInteger.ONE : BigInteger.ZERO;
		}
		else if (value instanceof LocalDateTime time) {
			number = BigInteger.valueOf(Math.round(ChronoUnit.MILLIS.between(DATETIME_ZERO, time) / 86_400_000.0));
		}
		else if (value instanceof Number n) {
			number = Comparisons.decimal(n).setScale(0, RoundingMode.DOWN).toBigInteger();
		}
		else {
			throw new SqlException(ExpressionErrors.conversionNotAllowed(typeName(value), target.name()));
		}
		long min = switch (target.type().kind()) {
			case BIGINT -> Long.MIN_VALUE;
			case SMALLINT -> Short.MIN_VALUE;
			case TINYINT -> 0;
			default -> Integer.MIN_VALUE;
		};
		long max = switch (target.type().kind()) {
			case BIGINT -> Long.MAX_VALUE;
			case SMALLINT -> Short.MAX_VALUE;
			case TINYINT -> 255;
			default -> Integer.MAX_VALUE;
		};
		if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
			throw new SqlException(value instanceof String text && target.type().kind() == SqlType.Kind.INT
					? ExpressionErrors.intOverflow(text) : ExpressionErrors.arithmeticOverflow(typeName(value), target.name()));
		}
		return target.type().kind() == SqlType.Kind.BIGINT ? (Object) number.longValue() : (Object) number.intValue();
	}

	private static Boolean bit(Object value) {
		if (value instanceof Boolean bit) {
			return bit;
		}
		if (value instanceof String text && (text.strip().equalsIgnoreCase("true") || text.strip().equalsIgnoreCase("false"))) {
			return text.strip().equalsIgnoreCase("true");
		}
		try {
			return Comparisons.decimal(value instanceof String text ? text.strip() : value).signum() != 0;
		}
		catch (NumberFormatException ex) {
			throw new SqlException(SqlErrors.conversionFailed(value.toString(), "bit"));
		}
	}

	private static BigDecimal decimal(Object value, SqlType type) {
		BigDecimal number;
		try {
			number = value instanceof Boolean bit ? (bit ? BigDecimal.ONE : BigDecimal.ZERO)
					: Comparisons.decimal(value instanceof String text ? text.strip() : value);
		}
		catch (NumberFormatException ex) {
			throw new SqlException(ExpressionErrors.numericConversionFailed(typeName(value)));
		}
		BigDecimal rounded = number.setScale(type.scale(), RoundingMode.HALF_UP);
		if (rounded.precision() - rounded.scale() > type.precision() - type.scale()) {
			throw new SqlException(ExpressionErrors.arithmeticOverflow(typeName(value), "numeric"));
		}
		return rounded;
	}

	static LocalDateTime datetime(Object value, Integer style) {
		if (value instanceof LocalDateTime time) {
			return DatetimeText.datetime(time);
		}
		if (value instanceof String text) {
			return DatetimeText.parse(text, style);
		}
		if (value instanceof Number n) {
			BigDecimal days = Comparisons.decimal(n);
			long millis = days.multiply(BigDecimal.valueOf(86_400_000L)).setScale(0, RoundingMode.HALF_UP).longValue();
			return DatetimeText.datetime(DATETIME_ZERO.plus(millis, ChronoUnit.MILLIS));
		}
		throw new SqlException(ExpressionErrors.conversionNotAllowed(typeName(value), "datetime"));
	}

	private static UUID uuid(Object value) {
		if (value instanceof UUID id) {
			return id;
		}
		try {
			return UUID.fromString(value.toString().strip());
		}
		catch (IllegalArgumentException ex) {
			throw new SqlException(ExpressionErrors.uniqueidentifierConversionFailed());
		}
	}

	/** The SQL Server type name of a value, as messages name it. */
	static String typeName(Object value) {
		Object plain = SqlVariant.unwrap(value);
		if (plain instanceof Integer || plain instanceof Short) {
			return "int";
		}
		if (plain instanceof Long) {
			return "bigint";
		}
		if (plain instanceof BigDecimal || plain instanceof BigInteger) {
			return "numeric";
		}
		if (plain instanceof Boolean) {
			return "bit";
		}
		if (plain instanceof LocalDateTime) {
			return "datetime";
		}
		if (plain instanceof UUID) {
			return "uniqueidentifier";
		}
		if (plain instanceof byte[]) {
			return "varbinary";
		}
		return "nvarchar";
	}

	/** The type a value of this Java type has, for a result column whose type follows from its values. */
	static SqlType sqlType(Object value) {
		Object plain = SqlVariant.unwrap(value);
		if (plain instanceof Integer || plain instanceof Short) {
			return SqlType.INT;
		}
		if (plain instanceof Long) {
			return SqlType.BIGINT;
		}
		if (plain instanceof BigDecimal d) {
			return SqlType.numeric(38, Math.max(d.scale(), 0));
		}
		if (plain instanceof BigInteger) {
			return SqlType.numeric(38, 0);
		}
		if (plain instanceof Boolean) {
			return SqlType.BIT;
		}
		if (plain instanceof LocalDateTime) {
			return SqlType.DATETIME;
		}
		if (plain instanceof UUID) {
			return SqlType.UNIQUEIDENTIFIER;
		}
		if (plain instanceof byte[] bytes) {
			return SqlType.varbinary(Math.max(bytes.length, 1));
		}
		return SqlType.nvarchar(4000);
	}

}
