package org.pchatfailover.lab.sql.engine;

import java.util.regex.Pattern;

import org.pchatfailover.lab.sql.errors.ExpressionErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * LIKE's wildcards (sql-docs like-transact-sql): "%" any string of zero or more characters, "_" any single character,
 * "[ ]" any single character within a range or set, "[^]" any single character not within it; an escape character
 * makes the next character a regular one, and a pattern ending in it "isn't valid and the LIKE returns FALSE". Case is
 * ignored, as under the instance's _CI_AS collation; every character of the pattern is significant.
 */
final class LikePattern {

	private LikePattern() {
	}

	static boolean matches(String value, String pattern, String escape) {
		if (escape != null && escape.length() != 1) {
			throw new SqlException(ExpressionErrors.invalidEscape(escape));
		}
		Pattern regex = regex(pattern, escape == null ? null : escape.charAt(0));
		return regex != null && regex.matcher(value).matches();
	}

	/** The pattern as a regular expression, null for a pattern that ends in its escape character. */
	private static Pattern regex(String pattern, Character escape) {
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (escape != null && c == escape) {
				if (++i >= pattern.length()) {
					return null;
				}
				regex.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
			}
			else if (c == '%') {
				regex.append(".*");
			}
			else if (c == '_') {
				regex.append('.');
			}
			else if (c == '[' && pattern.indexOf(']', i + 1) > i + 1) {
				int close = pattern.indexOf(']', i + 1);
				regex.append(characterClass(pattern.substring(i + 1, close)));
				i = close;
			}
			else {
				regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
	}

	/** [a-f], [abc], [^a-f], [-acdf] (a leading hyphen is a character). */
	private static String characterClass(String content) {
		boolean negated = content.startsWith("^") && content.length() > 1;
		String set = negated ? content.substring(1) : content;
		StringBuilder regex = new StringBuilder(negated ? "[^" : "[");
		for (int i = 0; i < set.length(); i++) {
			char c = set.charAt(i);
			if (c == '-' && i > 0 && i < set.length() - 1) {
				regex.append('-');
			}
			else if (Character.isLetterOrDigit(c)) {
				regex.append(c);
			}
			else {
				regex.append('\\').append(c); // a regular expression's metacharacter is escaped, a letter is not
			}
		}
		return regex.append(']').toString();
	}

}
