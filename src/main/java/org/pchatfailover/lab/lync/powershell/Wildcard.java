package org.pchatfailover.lab.lync.powershell;

import java.util.regex.Pattern;

/**
 * PowerShell's wildcards in a name (about_Wildcards): {@code *} zero or more characters, {@code ?} one character,
 * {@code [bc]} or {@code [a-l]} one of a set or range; matching ignores case.
 */
public final class Wildcard {

	private Wildcard() {
	}

	public static boolean hasWildcard(String pattern) {
		return pattern.contains("*") || pattern.contains("?") || pattern.contains("[");
	}

	public static boolean matches(String pattern, String value) {
		return matches(pattern, value, false);
	}

	/** @param caseSensitive as {@code -clike} compares; {@code -like} and cmdlets ignore case */
	public static boolean matches(String pattern, String value, boolean caseSensitive) {
		StringBuilder regex = new StringBuilder();
		boolean inSet = false;
		for (char c : pattern.toCharArray()) {
			if (inSet) {
				// letters, digits and a range's hyphen as they are; anything else literal
				regex.append((c == ']' || c == '-' || Character.isLetterOrDigit(c)) ? String.valueOf(c) : "\\" + c);
				inSet = c != ']';
			}
			else if (c == '*') {
				regex.append(".*");
			}
			else if (c == '?') {
				regex.append('.');
			}
			else if (c == '[') {
				regex.append('[');
				inSet = true;
			}
			else {
				regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		if (inSet) {
			return caseSensitive ? pattern.equals(value) : pattern.equalsIgnoreCase(value);
		}
		int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
		return Pattern.compile(regex.toString(), flags).matcher(value).matches();
	}

}
