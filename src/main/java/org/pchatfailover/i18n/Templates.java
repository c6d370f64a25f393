package org.pchatfailover.i18n;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sentences with named holes, {@code "in {file} (LastLSN {lsn})"}: filled with values, or matched against a filled
 * English sentence to get the values back. No MessageFormat: its apostrophe quoting would eat the Italian's "l'" and
 * "dell'".
 */
final class Templates {

	private static final Pattern HOLE = Pattern.compile("\\{([a-zA-Z]+)}");

	private Templates() {
	}

	static String fill(String template, Map<String, String> values) {
		return HOLE.matcher(template).replaceAll(hole -> Matcher.quoteReplacement(
				values.getOrDefault(hole.group(1), hole.group())));
	}

	/** The values that make {@code template} into {@code text}, or null when it cannot. */
	static Map<String, String> match(String template, String text) {
		return match(template, Map.of(), text);
	}

	/**
	 * As {@link #match(String, String)}, where a hole named in {@code shapes} holds text of one of the templates given
	 * for it: "DATA LOSS: {missing}. {recovered}" splits at the ". " the parts' own templates allow, not at the first
	 * ". " of "... (12 more) ...".
	 */
	static Map<String, String> match(String template, Map<String, List<String>> shapes, String text) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = Pattern.compile(regex(template, shapes, names), Pattern.DOTALL).matcher(text);
		if (!matcher.matches()) {
			return null;
		}
		Map<String, String> values = new LinkedHashMap<>();
		names.forEach(name -> values.put(name, matcher.group(name)));
		return values;
	}

	/** The template as a regular expression; holes are named groups when {@code names} collects them. */
	private static String regex(String template, Map<String, List<String>> shapes, Set<String> names) {
		StringBuilder regex = new StringBuilder();
		Matcher hole = HOLE.matcher(template);
		int literalStart = 0;
		while (hole.find()) {
			regex.append(Pattern.quote(template.substring(literalStart, hole.start())));
			String name = hole.group(1);
			String content = shapes.containsKey(name) ? shapes.get(name)
				.stream()
				.map(shape -> regex(shape, Map.of(), null))
				.collect(Collectors.joining("|", "(?:", ")")) : ".+?";
			if (names == null) {
				regex.append("(?:").append(content).append(")");
			}
			else {
				// a hole named twice ("including {file}") must hold the same text both times
				regex.append(names.add(name) ? "(?<" + name + ">" + content + ")" : "\\k<" + name + ">");
			}
			literalStart = hole.end();
		}
		return regex.append(Pattern.quote(template.substring(literalStart))).toString();
	}

	/** The holes of a template, to check that a translation keeps every one. */
	static Set<String> holes(String template) {
		Set<String> names = new LinkedHashSet<>();
		HOLE.matcher(template).results().forEach(m -> names.add(m.group(1)));
		return names;
	}

}
