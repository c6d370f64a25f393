package org.pchatfailover.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.pchatfailover.i18n.Messages;

/** How the HTML and Markdown reports write times, durations and decision values: the same in both. */
final class ReportFormat {

	static final String NONE = "-";

	static final ZoneId UTC = ZoneOffset.UTC;

	// UTC unless the reader asks for a zone: the operators of the two data centres and the ticket read the same times
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	// the zone's abbreviation for the reader, its id so that no abbreviation is ambiguous (CST: Chicago or Shanghai)
	private static final DateTimeFormatter ZONED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz '('VV')'",
			Locale.ROOT);

	private ReportFormat() {
	}

	static String time(Instant at) {
		return at == null ? NONE : TIME.format(at);
	}

	/** The time in the reader's zone, the zone named; in UTC as {@link #time(Instant)} when the zone is UTC. */
	static String time(Instant at, ZoneId zone) {
		if (at == null || zone.normalized().equals(ZoneOffset.UTC)) {
			return time(at);
		}
		return ZONED_TIME.format(at.atZone(zone));
	}

	/** Short and exact enough for a step: {@code 850 ms}, {@code 12.3 s}, {@code 4 min 05 s}, {@code 2 h 03 min}. */
	static String duration(Long millis) {
		if (millis == null) {
			return NONE;
		}
		if (millis < 1_000) {
			return millis + " ms";
		}
		if (millis < 60_000) {
			return String.format(Locale.ROOT, "%d.%d s", millis / 1_000, millis % 1_000 / 100);
		}
		long seconds = millis / 1_000;
		if (seconds < 3_600) {
			return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
		}
		return String.format(Locale.ROOT, "%d h %02d min", seconds / 3_600, seconds % 3_600 / 60);
	}

	static String text(String value) {
		return value == null || value.isBlank() ? NONE : value;
	}

	static String values(Map<String, String> values) {
		return values.isEmpty() ? NONE
				: values.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("; "));
	}

	/** Which attempt of how many, in the reader's words: {@code 2 of 3}, {@code 2 de 3}, {@code 第 2 次，共 3 次}. */
	static String attempt(int next, int of, Messages messages) {
		return messages.text("report.attempt-of").replace("{next}", String.valueOf(next)).replace("{of}", String.valueOf(of));
	}

	static String succeeded(boolean succeeded) {
		return succeeded ? "ok" : "FAILED";
	}

}
