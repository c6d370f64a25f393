package org.pchatfailover.i18n;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The data-loss statement ({@code sqlserver.DataLossStatement}: the missing log backups, the last transaction
 * recovered, that everything after it is lost) in the reader's language. The statement is stored once, in English,
 * because the ticketing callback has no reader to ask; the form and the report re-render it here. Its grammar is the
 * English templates of {@code messages.properties} ({@code dataLoss.*}): they read the stored sentence back into its
 * parts (file names, LSNs, times) and the reader's templates put the same parts into their sentence. A text that is
 * not such a statement is returned as it is, so nothing is ever lost in translation.
 */
public final class DataLossStatements {

	private static final String PREFIX = "dataLoss.";

	/** A whole statement, and the templates each of its sentence parts may follow. */
	private static final List<String> STATEMENTS = List.of("statement", "refused");

	private static final Map<String, List<String>> PARTS = Map.of("missing",
			List.of("missing.afterLsn", "missing.before", "missing.between", "missing.named"), "recovered",
			List.of("recovered.atLsn", "recovered.inFile"), "lost", List.of("lost.beyondGap", "lost.missingOnly"));

	private static final Messages ENGLISH = Messages.of(Languages.ENGLISH);

	private DataLossStatements() {
	}

	/** The statement in the reader's language, or {@code text} unchanged when it is not one (or the reader is English). */
	public static String translate(String text, Messages messages) {
		if (text == null || messages.locale().equals(Languages.ENGLISH) || !text.startsWith("DATA LOSS")) {
			return text;
		}
		for (String statement : STATEMENTS) {
			Map<String, String> parts = Templates.match(english(statement), englishShapes(), text);
			if (parts != null) {
				Map<String, String> translated = new LinkedHashMap<>();
				for (Map.Entry<String, String> part : parts.entrySet()) {
					String value = translatePart(part.getKey(), part.getValue(), messages);
					if (value == null) {
						return text;
					}
					translated.put(part.getKey(), value);
				}
				return Templates.fill(messages.text(PREFIX + statement), translated);
			}
		}
		return text;
	}

	/** One sentence part by the template it follows; null when it follows none (then the English stays whole). */
	private static String translatePart(String name, String value, Messages messages) {
		if (!PARTS.containsKey(name)) {
			return value(name, value, messages);
		}
		for (String template : PARTS.get(name)) {
			Map<String, String> values = Templates.match(english(template), value);
			if (values != null) {
				Map<String, String> translated = new LinkedHashMap<>();
				values.forEach((key, v) -> translated.put(key, value(key, v, messages)));
				return Templates.fill(messages.text(PREFIX + template), translated);
			}
		}
		return null;
	}

	/** File names, LSNs and counts stay; "at an unknown time" and "... (n more) ..." are words. */
	private static String value(String name, String value, Messages messages) {
		if (name.equals("time") && value.equals(english("unknownTime"))) {
			return messages.text(PREFIX + "unknownTime");
		}
		if (name.equals("names")) {
			return Arrays.stream(value.split(", ")).map(item -> {
				Map<String, String> more = Templates.match(english("more"), item);
				return more == null ? item : Templates.fill(messages.text(PREFIX + "more"), more);
			}).collect(Collectors.joining(", "));
		}
		return value;
	}

	private static Map<String, List<String>> englishShapes() {
		Map<String, List<String>> shapes = new LinkedHashMap<>();
		PARTS.forEach((name, templates) -> shapes.put(name, templates.stream().map(DataLossStatements::english).toList()));
		return shapes;
	}

	private static String english(String template) {
		return ENGLISH.text(PREFIX + template);
	}

}
