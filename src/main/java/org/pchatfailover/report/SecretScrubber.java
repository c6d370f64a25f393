package org.pchatfailover.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks out anything that looks like a password in text taken from history. Steps never log secrets, but a
 * JDBC URL or a driver message quoted in an incident could carry {@code password=...}; a report is pasted into
 * tickets, so it is cleaned defensively.
 */
final class SecretScrubber {

	static final String HIDDEN = "***";

	// key=value as in JDBC URLs and connection strings, "key": "value" as in JSON, -Password value in PowerShell
	private static final Pattern SECRET = Pattern.compile(
			"(?i)(\\b(?:password|passwd|pwd)\"?\\s*[=:]\\s*|-Password\\s+)(\"[^\"]*\"|'[^']*'|[^;&,\\s\"'}]+)");

	private SecretScrubber() {
	}

	static String scrub(String text) {
		if (text == null) {
			return null;
		}
		return SECRET.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + HIDDEN));
	}

}
