package org.pchatfailover.lab.sql.engine;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pchatfailover.lab.sql.errors.ExpressionErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * The string functions DBAs type most (sql-docs "String Functions (Transact-SQL)"): LEN, UPPER, LOWER, LTRIM, RTRIM,
 * SUBSTRING, LEFT, RIGHT, REPLACE, CHARINDEX and CONCAT. "When string functions are passed arguments that are not
 * string values, the input type is implicitly converted to a text data type." Searches and replacements ignore case,
 * as under the instance's _CI_AS collation. NULL in gives NULL out, except CONCAT, which takes NULL as empty.
 */
final class StringFunctions {

	/** What {@link #call} returns for a name it does not know (null is a value). */
	static final Object NOT_A_STRING_FUNCTION = new Object();

	private StringFunctions() {
	}

	/** The function's value, or null when the lab has no string function of that name. */
	static Object call(String function, List<Object> args) {
		return switch (function) {
			case "LEN" -> unary(function, args, s -> s.stripTrailing().length());
			case "UPPER" -> unary(function, args, s -> s.toUpperCase(Locale.ROOT));
			case "LOWER" -> unary(function, args, s -> s.toLowerCase(Locale.ROOT));
			case "LTRIM" -> unary(function, args, s -> s.replaceFirst("^ +", ""));
			case "RTRIM" -> unary(function, args, s -> s.replaceFirst(" +$", ""));
			case "SUBSTRING" -> substring(args);
			case "LEFT", "RIGHT" -> leftOrRight(function, args);
			case "REPLACE" -> replace(args);
			case "CHARINDEX" -> charIndex(args);
			case "CONCAT" -> concat(args);
			default -> NOT_A_STRING_FUNCTION;
		};
	}

	private static Object unary(String function, List<Object> args, java.util.function.Function<String, Object> f) {
		Functions.arguments(function, args, 1);
		String text = text(args.get(0));
		return text == null ? null : f.apply(text);
	}

	/** SUBSTRING(expression, start, length): 1-based; a start before 1 shortens what is returned. */
	private static Object substring(List<Object> args) {
		Functions.arguments("SUBSTRING", args, 3);
		String text = text(args.get(0));
		if (text == null || args.get(1) == null || args.get(2) == null) {
			return null;
		}
		long start = Comparisons.decimal(SqlVariant.unwrap(args.get(1))).longValue();
		long length = Comparisons.decimal(SqlVariant.unwrap(args.get(2))).longValue();
		if (length < 0) {
			throw new SqlException(ExpressionErrors.invalidLength());
		}
		long from = Math.max(start, 1);
		long to = Math.min(start + length, text.length() + 1L);
		return from >= to ? "" : text.substring((int) from - 1, (int) to - 1);
	}

	private static Object leftOrRight(String function, List<Object> args) {
		Functions.arguments(function, args, 2);
		String text = text(args.get(0));
		if (text == null || args.get(1) == null) {
			return null;
		}
		long count = Comparisons.decimal(SqlVariant.unwrap(args.get(1))).longValue();
		if (count < 0) {
			throw new SqlException(function.equals("LEFT") ? ExpressionErrors.invalidLength()
					: ExpressionErrors.invalidLength(function));
		}
		int n = (int) Math.min(count, text.length());
		return function.equals("LEFT") ? text.substring(0, n) : text.substring(text.length() - n);
	}

	private static Object replace(List<Object> args) {
		Functions.arguments("REPLACE", args, 3);
		String text = text(args.get(0));
		String find = text(args.get(1));
		String with = text(args.get(2));
		if (text == null || find == null || with == null) {
			return null;
		}
		if (find.isEmpty()) {
			return text;
		}
		return Pattern.compile(Pattern.quote(find), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text)
			.replaceAll(Matcher.quoteReplacement(with));
	}

	/** CHARINDEX(find, search [, start]): the 1-based position, 0 when not found. */
	private static Object charIndex(List<Object> args) {
		Functions.argumentRange("CHARINDEX", args, 2, 3);
		String find = text(args.get(0));
		String text = text(args.get(1));
		if (find == null || text == null) {
			return null;
		}
		int start = args.size() < 3 || args.get(2) == null ? 1
				: Math.max(1, Comparisons.decimal(SqlVariant.unwrap(args.get(2))).intValue());
		int at = text.toLowerCase(Locale.ROOT).indexOf(find.toLowerCase(Locale.ROOT), start - 1);
		return at + 1;
	}

	private static Object concat(List<Object> args) {
		Functions.argumentRange("CONCAT", args, 2, 254);
		StringBuilder text = new StringBuilder();
		args.forEach(a -> text.append(a == null ? "" : Conversions.text(a, null)));
		return text.toString();
	}

	static String text(Object value) {
		return value == null ? null : Conversions.text(value, null);
	}

}
