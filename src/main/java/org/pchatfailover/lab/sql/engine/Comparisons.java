package org.pchatfailover.lab.sql.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * Comparisons as SQL Server makes them: NULL is never equal, less or greater (ANSI_NULLS ON); a sql_variant by its
 * value; text case-insensitively (the instance's _CI_AS collation); and across types by data type precedence, text
 * converted to the other side's type ("For comparison operators ... the resulting data type will depend on the rules of
 * data type precedence", sql-docs cast-and-convert-transact-sql), so {@code name = 1} fails with 245.
 */
final class Comparisons {

	private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");

	private Comparisons() {
	}

	/** @param operator one of = <> != < <= > >= */
	static boolean compare(Object leftValue, String operator, Object rightValue) {
		Integer order = order(leftValue, rightValue);
		if (order == null) {
			return false;
		}
		return switch (operator) {
			case "=" -> order == 0;
			case "<>", "!=" -> order != 0;
			case "<" -> order < 0;
			case "<=" -> order <= 0;
			case ">" -> order > 0;
			default -> order >= 0;
		};
	}

	/** The order of two values, null when either is NULL. */
	static Integer order(Object leftValue, Object rightValue) {
		Object left = plain(leftValue);
		Object right = plain(rightValue);
		if (left == null || right == null) {
			return null;
		}
		if (left instanceof Number && right instanceof String text) {
			right = number(text, left);
		}
		else if (right instanceof Number && left instanceof String text) {
			left = number(text, right);
		}
		if (left instanceof Number a && right instanceof Number b) {
			return decimal(a).compareTo(decimal(b));
		}
		if (left instanceof LocalDateTime || right instanceof LocalDateTime) {
			return Conversions.datetime(left, null).compareTo(Conversions.datetime(right, null));
		}
		if (left instanceof UUID || right instanceof UUID) {
			return Conversions.text(Conversions.convert(left, "uniqueidentifier", null), null)
				.compareTo(Conversions.text(Conversions.convert(right, "uniqueidentifier", null), null));
		}
		if (left instanceof byte[] a && right instanceof byte[] b) {
			return Arrays.compareUnsigned(a, b);
		}
		return left.toString().compareToIgnoreCase(right.toString());
	}

	/** Text compared with a number becomes a number of the number's type, or fails with 245. */
	private static BigDecimal number(String text, Object other) {
		if (!NUMBER.matcher(text.strip()).matches() || (!(other instanceof BigDecimal) && text.contains("."))) {
			throw new SqlException(SqlErrors.conversionFailed(text, Conversions.typeName(other)));
		}
		return new BigDecimal(text.strip());
	}

	/** A variant's value, a bit as 1 or 0 (a bit column compares with 1 and 0). */
	private static Object plain(Object value) {
		Object plain = SqlVariant.unwrap(value);
		return plain instanceof Boolean bit ? (bit ? 1 : 0) : plain;
	}

	static BigDecimal decimal(Object value) {
		if (value instanceof BigDecimal d) {
			return d;
		}
		if (value instanceof BigInteger i) {
			return new BigDecimal(i);
		}
		if (value instanceof Boolean bit) {
			return bit ? BigDecimal.ONE : BigDecimal.ZERO;
		}
		return new BigDecimal(value.toString());
	}

}
