package org.pchatfailover.lab.sql.engine;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pchatfailover.lab.sql.errors.ExpressionErrors;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * datetime values as text and back, by CONVERT's styles (sql-docs cast-and-convert-transact-sql, "Date and Time
 * styles"): 0/100 "mon dd yyyy hh:miAM (or PM)", 120 "yyyy-mm-dd hh:mi:ss (24h)", 121 "yyyy-mm-dd hh:mi:ss.mmm (24h)",
 * 126 "yyyy-mm-ddThh:mi:ss.mmm", ... "Other values are processed as 0." datetime keeps 1/300 seconds.
 */
final class DatetimeText {

	private static final Pattern ISO = Pattern.compile(
			"(\\d{4})-?(\\d{2})-?(\\d{2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.:](\\d{1,7}))?)?)?");

	private static final Pattern US = Pattern.compile(
			"(\\d{1,2})/(\\d{1,2})/(\\d{4})(?: (\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3}))?)?)?");

	private static final Pattern MONTH_NAME = Pattern.compile(
			"([A-Za-z]{3}) +(\\d{1,2}) +(\\d{4})(?: +(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[:.](\\d{1,3}))?)? *([AaPp][Mm])?)?");

	private DatetimeText() {
	}

	/** The value as datetime keeps it: milliseconds rounded to 1/300 seconds (.000, .003, .007). */
	static LocalDateTime datetime(LocalDateTime value) {
		long millis = value.toLocalTime().toNanoOfDay() / 1_000_000;
		long ticks = Math.round(millis * 0.3);
		long rounded = Math.round(ticks / 0.3);
		return value.toLocalDate().atStartOfDay().plusNanos(rounded * 1_000_000);
	}

	/** The text CONVERT(nvarchar, value, style) gives; null style is CAST's, style 0. */
	static String format(LocalDateTime value, Integer style) {
		LocalDateTime t = datetime(value);
		int ms = t.getNano() / 1_000_000;
		String mon = t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
		String date = String.format("%02d/%02d/%04d", t.getMonthValue(), t.getDayOfMonth(), t.getYear());
		String time = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
		int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
		String ampm = t.getHour() < 12 ? "AM" : "PM";
		int code = style == null ? 0 : style;
		return switch (code) {
			case 1 -> date.substring(0, 6) + yy(t);
			case 101 -> date;
			case 2 -> yy(t) + String.format(".%02d.%02d", t.getMonthValue(), t.getDayOfMonth());
			case 102 -> String.format("%04d.%02d.%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
			case 3, 103, 4, 104, 5, 105 -> dmy(t, code);
			case 6 -> String.format("%02d %s %s", t.getDayOfMonth(), mon, yy(t));
			case 106 -> String.format("%02d %s %04d", t.getDayOfMonth(), mon, t.getYear());
			case 7 -> String.format("%s %02d, %s", mon, t.getDayOfMonth(), yy(t));
			case 107 -> String.format("%s %02d, %04d", mon, t.getDayOfMonth(), t.getYear());
			case 8, 24, 108 -> time;
			case 9, 109 -> String.format("%s %2d %04d %2d:%02d:%02d:%03d%s", mon, t.getDayOfMonth(), t.getYear(), hour12,
					t.getMinute(), t.getSecond(), ms, ampm);
			case 10 -> date.substring(0, 6).replace('/', '-') + yy(t);
			case 110 -> date.replace('/', '-');
			case 11 -> yy(t) + String.format("/%02d/%02d", t.getMonthValue(), t.getDayOfMonth());
			case 111 -> String.format("%04d/%02d/%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
			case 12 -> yy(t) + String.format("%02d%02d", t.getMonthValue(), t.getDayOfMonth());
			case 112 -> String.format("%04d%02d%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
			case 13, 113 -> String.format("%02d %s %04d %s:%03d", t.getDayOfMonth(), mon, t.getYear(), time, ms);
			case 14, 114 -> String.format("%s:%03d", time, ms);
			case 20, 120 -> iso(t) + " " + time;
			case 21, 25, 121 -> iso(t) + " " + time + String.format(".%03d", ms);
			case 22 -> date.substring(0, 6) + yy(t) + String.format(" %2d:%02d:%02d %s", hour12, t.getMinute(),
					t.getSecond(), ampm);
			case 23 -> iso(t);
			case 126, 127 -> iso(t) + "T" + time + (ms == 0 ? "" : String.format(".%03d", ms));
			case 130, 131 -> throw new SqlException(SqlErrors.notSimulated("CONVERT style " + code + " (Hijri)"));
			default -> String.format("%s %2d %04d %2d:%02d%s", mon, t.getDayOfMonth(), t.getYear(), hour12,
					t.getMinute(), ampm);
		};
	}

	private static String dmy(LocalDateTime t, int style) {
		String separator = switch (style % 100) {
			case 3 -> "/";
			case 4 -> ".";
			default -> "-";
		};
		String year = style >= 100 ? String.format("%04d", t.getYear()) : yy(t);
		return String.format("%02d%s%02d%s%s", t.getDayOfMonth(), separator, t.getMonthValue(), separator, year);
	}

	private static String iso(LocalDateTime t) {
		return String.format("%04d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
	}

	private static String yy(LocalDateTime t) {
		return String.format("%02d", t.getYear() % 100);
	}

	/**
	 * A character string as datetime: ISO (yyyy-mm-dd, yyyymmdd, with a time after a space or T), the us_english
	 * mdy form (mm/dd/yyyy), dd/mm/yyyy for styles 3 and 103, and style 0's "mon dd yyyy hh:miAM". 241 for anything
	 * else, 242 for a date that does not exist.
	 */
	static LocalDateTime parse(String text, Integer style) {
		String value = text.strip();
		try {
			Matcher iso = ISO.matcher(value);
			if (iso.matches()) {
				return at(iso, Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
						Integer.parseInt(iso.group(3)), null);
			}
			Matcher us = US.matcher(value);
			if (us.matches()) {
				boolean dayFirst = style != null && (style == 3 || style == 103);
				int first = Integer.parseInt(us.group(1));
				int second = Integer.parseInt(us.group(2));
				return at(us, Integer.parseInt(us.group(3)), dayFirst ? second : first, dayFirst ? first : second, null);
			}
			Matcher named = MONTH_NAME.matcher(value);
			if (named.matches()) {
				int month = month(named.group(1));
				return at(named, Integer.parseInt(named.group(3)), month, Integer.parseInt(named.group(2)),
						named.group(8));
			}
		}
		catch (DateTimeException ex) {
			throw new SqlException(ExpressionErrors.dateOutOfRange());
		}
		throw new SqlException(ExpressionErrors.dateConversionFailed());
	}

	private static int month(String name) {
		for (java.time.Month month : java.time.Month.values()) {
			if (month.getDisplayName(TextStyle.SHORT, Locale.US).equalsIgnoreCase(name)) {
				return month.getValue();
			}
		}
		throw new SqlException(ExpressionErrors.dateConversionFailed());
	}

	/** Groups 4 to 7 of each pattern are hour, minute, second and fraction. */
	private static LocalDateTime at(Matcher m, int year, int month, int day, String ampm) {
		LocalDate date = LocalDate.of(year, month, day);
		if (m.group(4) == null) {
			return date.atStartOfDay();
		}
		int hour = Integer.parseInt(m.group(4));
		if (ampm != null) {
			hour = hour % 12 + (ampm.equalsIgnoreCase("PM") ? 12 : 0);
		}
		int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
		String fraction = m.group(7) == null ? "0" : (m.group(7) + "000000000").substring(0, 9);
		LocalTime time = LocalTime.of(hour, Integer.parseInt(m.group(5)), second, Integer.parseInt(fraction));
		return datetime(date.atTime(time));
	}

}
