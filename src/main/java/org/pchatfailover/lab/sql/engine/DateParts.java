package org.pchatfailover.lab.sql.engine;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

import org.pchatfailover.lab.sql.errors.ExpressionErrors;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * DATEDIFF, DATEADD, DATEPART, YEAR, MONTH and DAY. Dateparts by their names and abbreviations (sql-docs
 * datediff-transact-sql: year yy yyyy, quarter qq q, month mm m, dayofyear dy y, day dd d, week wk ww, hour hh, minute mi
 * n, second ss s, millisecond ms, microsecond mcs, nanosecond ns); DATEDIFF counts "the specified datepart boundaries
 * crossed" and "always uses Sunday as the first day of the week"; a count out of int's range is error 535. An unknown
 * datepart is 155 "'x' is not a recognized datediff option."
 */
final class DateParts {

	private static final Map<String, String> PARTS = Map.ofEntries(Map.entry("year", "year"), Map.entry("yy", "year"),
			Map.entry("yyyy", "year"), Map.entry("quarter", "quarter"), Map.entry("qq", "quarter"),
			Map.entry("q", "quarter"), Map.entry("month", "month"), Map.entry("mm", "month"), Map.entry("m", "month"),
			Map.entry("dayofyear", "dayofyear"), Map.entry("dy", "dayofyear"), Map.entry("y", "dayofyear"),
			Map.entry("day", "day"), Map.entry("dd", "day"), Map.entry("d", "day"), Map.entry("week", "week"),
			Map.entry("wk", "week"), Map.entry("ww", "week"), Map.entry("hour", "hour"), Map.entry("hh", "hour"),
			Map.entry("minute", "minute"), Map.entry("mi", "minute"), Map.entry("n", "minute"),
			Map.entry("second", "second"), Map.entry("ss", "second"), Map.entry("s", "second"),
			Map.entry("millisecond", "millisecond"), Map.entry("ms", "millisecond"),
			Map.entry("microsecond", "microsecond"), Map.entry("mcs", "microsecond"),
			Map.entry("nanosecond", "nanosecond"), Map.entry("ns", "nanosecond"),
			// DATEPART also knows weekday (dw, w); DATEDIFF does not list it
			Map.entry("weekday", "weekday"), Map.entry("dw", "weekday"), Map.entry("w", "weekday"));

	private DateParts() {
	}

	/** DATEPART's ISO week and time zone offset: valid dateparts the lab does not evaluate. */
	private static final java.util.Set<String> NOT_SIMULATED = java.util.Set.of("iso_week", "isowk", "isoww",
			"tzoffset", "tz");

	/** The datepart's full name; 155 naming the function's option when it has none. */
	static String part(String written, String function) {
		if (NOT_SIMULATED.contains(written.toLowerCase(Locale.ROOT))) {
			throw new SqlException(SqlErrors.notSimulated("datepart " + written));
		}
		String part = PARTS.get(written.toLowerCase(Locale.ROOT));
		if (part == null || (part.equals("weekday") && !function.equals("DATEPART"))) {
			throw new SqlException(SqlErrors.unrecognizedOption(written, function.toLowerCase(Locale.ROOT)));
		}
		return part;
	}

	static Object dateDiff(String part, Object startValue, Object endValue) {
		if (startValue == null || endValue == null) {
			return null;
		}
		LocalDateTime start = Conversions.datetime(SqlVariant.unwrap(startValue), null);
		LocalDateTime end = Conversions.datetime(SqlVariant.unwrap(endValue), null);
		long count = switch (part) {
			case "year" -> end.getYear() - start.getYear();
			case "quarter" -> quarterIndex(end) - quarterIndex(start);
			case "month" -> (end.getYear() * 12L + end.getMonthValue()) - (start.getYear() * 12L + start.getMonthValue());
			case "dayofyear", "day" -> ChronoUnit.DAYS.between(start.toLocalDate(), end.toLocalDate());
			case "week" -> sundayWeek(end) - sundayWeek(start);
			case "hour" -> between(ChronoUnit.HOURS, start, end);
			case "minute" -> between(ChronoUnit.MINUTES, start, end);
			case "second" -> between(ChronoUnit.SECONDS, start, end);
			case "millisecond" -> between(ChronoUnit.MILLIS, start, end);
			case "microsecond" -> between(ChronoUnit.MICROS, start, end);
			default -> between(ChronoUnit.NANOS, start, end);
		};
		if (count < Integer.MIN_VALUE || count > Integer.MAX_VALUE) {
			throw new SqlException(ExpressionErrors.datediffOverflow("DATEDIFF"));
		}
		return (int) count;
	}

	/** Boundaries crossed: both ends truncated to the unit first. */
	private static long between(ChronoUnit unit, LocalDateTime start, LocalDateTime end) {
		try {
			return unit.between(start.truncatedTo(unit), end.truncatedTo(unit));
		}
		catch (ArithmeticException ex) {
			throw new SqlException(ExpressionErrors.datediffOverflow("DATEDIFF"));
		}
	}

	private static long quarterIndex(LocalDateTime time) {
		return time.getYear() * 4L + (time.getMonthValue() - 1) / 3;
	}

	/** Weeks counted from a Sunday: 1970-01-04, epoch day 3, was a Sunday. */
	private static long sundayWeek(LocalDateTime time) {
		return Math.floorDiv(time.toLocalDate().toEpochDay() + 4, 7);
	}

	static Object dateAdd(String part, Object numberValue, Object dateValue) {
		if (numberValue == null || dateValue == null) {
			return null;
		}
		LocalDateTime date = Conversions.datetime(SqlVariant.unwrap(dateValue), null);
		long n = Comparisons.decimal(SqlVariant.unwrap(numberValue)).longValue();
		LocalDateTime result = switch (part) {
			case "year" -> date.plusYears(n);
			case "quarter" -> date.plusMonths(3 * n);
			case "month" -> date.plusMonths(n);
			case "dayofyear", "day", "weekday" -> date.plusDays(n);
			case "week" -> date.plusWeeks(n);
			case "hour" -> date.plusHours(n);
			case "minute" -> date.plusMinutes(n);
			case "second" -> date.plusSeconds(n);
			case "millisecond" -> date.plus(n, ChronoUnit.MILLIS);
			case "microsecond" -> date.plus(n, ChronoUnit.MICROS);
			default -> date.plusNanos(n);
		};
		return DatetimeText.datetime(result);
	}

	/** DATEPART under us_english (DATEFIRST 7): weeks and weekdays counted from Sunday. */
	static Object datePart(String part, Object dateValue) {
		if (dateValue == null) {
			return null;
		}
		LocalDateTime date = Conversions.datetime(SqlVariant.unwrap(dateValue), null);
		return switch (part) {
			case "year" -> date.getYear();
			case "quarter" -> (date.getMonthValue() - 1) / 3 + 1;
			case "month" -> date.getMonthValue();
			case "dayofyear" -> date.getDayOfYear();
			case "day" -> date.getDayOfMonth();
			case "week" -> (int) (sundayWeek(date) - sundayWeek(date.withDayOfYear(1))) + 1;
			case "weekday" -> date.getDayOfWeek().getValue() % 7 + 1;
			case "hour" -> date.getHour();
			case "minute" -> date.getMinute();
			case "second" -> date.getSecond();
			case "millisecond" -> date.getNano() / 1_000_000;
			case "microsecond" -> date.getNano() / 1_000;
			default -> date.getNano();
		};
	}

}
