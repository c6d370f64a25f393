package org.pchatfailover.lab.sql.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.pchatfailover.lab.sql.errors.ExpressionErrors;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * The arithmetic operators: {@code +} concatenates two character values and adds anything else by data type
 * precedence (text beside a number must be a number: "@notastring + ' is not a string.'" fails with 245, sql-docs
 * cast-and-convert-transact-sql example K); int with int stays int (division truncates), bigint or numeric widen;
 * NULL makes NULL (CONCAT_NULL_YIELDS_NULL is ON); a datetime takes days added or subtracted.
 */
final class Arithmetic {

	private static final Map<String, String> NAMES = Map.of("+", "add", "-", "subtract", "*", "multiply", "/",
			"divide", "%", "modulo");

	private Arithmetic() {
	}

	static Object apply(String operator, Object leftValue, Object rightValue) {
		Object left = SqlVariant.unwrap(leftValue);
		Object right = SqlVariant.unwrap(rightValue);
		if (left == null || right == null) {
			return null;
		}
		if (left instanceof String a && right instanceof String b) {
			if (operator.equals("+")) {
				return a + b;
			}
			throw new SqlException(ExpressionErrors.invalidOperand("nvarchar", NAMES.get(operator)));
		}
		if (left instanceof LocalDateTime || right instanceof LocalDateTime) {
			return datetime(operator, left, right);
		}
		Object a = number(left, right);
		Object b = number(right, left);
		if (a instanceof BigDecimal || b instanceof BigDecimal) {
			return decimal(operator, Comparisons.decimal(a), Comparisons.decimal(b));
		}
		if (a instanceof Long || b instanceof Long) {
			return integral(operator, ((Number) a).longValue(), ((Number) b).longValue(), Long.MIN_VALUE, Long.MAX_VALUE,
					"bigint");
		}
		return (int) integral(operator, ((Number) a).longValue(), ((Number) b).longValue(), Integer.MIN_VALUE,
				Integer.MAX_VALUE, "int");
	}

	/** A bit counts as 1 or 0; text beside a number converts to the number's type or fails with 245. */
	private static Object number(Object value, Object other) {
		if (value instanceof Boolean bit) {
			return bit ? 1 : 0;
		}
		if (value instanceof Number) {
			return value;
		}
		if (value instanceof String text) {
			return Conversions.convert(text, other instanceof BigDecimal ? "numeric(38,10)"
					: other instanceof Long ? "bigint" : "int", null);
		}
		throw new SqlException(ExpressionErrors.invalidOperand(Conversions.typeName(value), "add"));
	}

	private static long integral(String operator, long a, long b, long min, long max, String type) {
		if ((operator.equals("/") || operator.equals("%")) && b == 0) {
			throw new SqlException(ExpressionErrors.divideByZero());
		}
		BigDecimal result = switch (operator) {
			case "+" -> BigDecimal.valueOf(a).add(BigDecimal.valueOf(b));
			case "-" -> BigDecimal.valueOf(a).subtract(BigDecimal.valueOf(b));
			case "*" -> BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(b));
			case "/" -> BigDecimal.valueOf(a / b);
			default -> BigDecimal.valueOf(a % b);
		};
		if (result.compareTo(BigDecimal.valueOf(min)) < 0 || result.compareTo(BigDecimal.valueOf(max)) > 0) {
			throw new SqlException(ExpressionErrors.arithmeticOverflow("expression", type));
		}
		return result.longValueExact();
	}

	private static BigDecimal decimal(String operator, BigDecimal a, BigDecimal b) {
		if ((operator.equals("/") || operator.equals("%")) && b.signum() == 0) {
			throw new SqlException(ExpressionErrors.divideByZero());
		}
		return switch (operator) {
			case "+" -> a.add(b);
			case "-" -> a.subtract(b);
			case "*" -> a.multiply(b);
			case "/" -> a.divide(b, Math.max(6, a.scale()), RoundingMode.HALF_UP);
			default -> a.remainder(b);
		};
	}

	/** datetime plus or minus a number of days (a fraction is part of a day). */
	private static LocalDateTime datetime(String operator, Object left, Object right) {
		if (!(left instanceof LocalDateTime time) || right instanceof LocalDateTime
				|| !(operator.equals("+") || operator.equals("-"))) {
			if (operator.equals("+") && right instanceof LocalDateTime time && left instanceof Number days) {
				return plusDays(time, Comparisons.decimal(days));
			}
			throw new SqlException(SqlErrors.notSimulated("datetime " + NAMES.get(operator)));
		}
		BigDecimal days = Comparisons.decimal(number(right, 0));
		return plusDays(time, operator.equals("+") ? days : days.negate());
	}

	private static LocalDateTime plusDays(LocalDateTime time, BigDecimal days) {
		long millis = days.multiply(BigDecimal.valueOf(86_400_000L)).setScale(0, RoundingMode.HALF_UP).longValue();
		return DatetimeText.datetime(time.plus(millis, ChronoUnit.MILLIS));
	}

}
