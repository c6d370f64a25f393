package org.pchatfailover.topology;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A host name checked against RFC 1123 before it is used in a statement, a cmdlet or a URL.
 * Validating here means no caller has to trust a name that came from a form or a ticket.
 */
public final class Fqdn {

	/** Labels of letters, digits and inner hyphens, at least two labels, at most 253 characters, up to the end of the string. */
	public static final String LABELS = "(?=.{1,253}$)(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))+";

	/** {@link #LABELS}, the whole string. */
	public static final String PATTERN = "^" + LABELS + "$";

	private static final Pattern FQDN = Pattern.compile(PATTERN);

	private Fqdn() {
	}

	public static boolean isValid(String name) {
		return name != null && FQDN.matcher(name).matches();
	}

	/** Returns the name in lower case, or throws naming what is wrong with it. */
	public static String require(String name, String what) {
		if (!isValid(name)) {
			throw new IllegalArgumentException(what + " is not a valid fully qualified domain name (RFC 1123): '"
					+ printable(name) + "'");
		}
		return name.toLowerCase(Locale.ROOT);
	}

	// keep control characters out of messages and logs: the value may be an injection attempt
	public static String printable(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder();
		value.codePoints().limit(120).forEach(c -> {
			if (Character.isISOControl(c)) {
				out.append(String.format("\\u%04x", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

}
