package org.pchatfailover.lab.lync.powershell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pchatfailover.lab.lync.powershell.CmdletBinder.Bound;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Spec;

/**
 * ConvertTo-Json as Windows PowerShell 5.1 writes it: the objects cut at {@code -Depth} (default 2), serialized
 * compactly as JavaScriptSerializer does, then laid out by the cmdlet's own pretty-printer unless {@code -Compress}:
 * four spaces of indentation per level, two spaces after each colon, and a nested object or array indented to the
 * column after its property name, lines ending in CRLF. A port of {@code ConvertToJsonCommand.cs}' Windows branch
 * (PowerShell/PowerShell at its first import, 60b3b304); PowerShell 6 and later lay JSON out differently.
 */
public final class ConvertToJson {

	public static final Spec SPEC = new Spec("ConvertTo-Json",
			Map.of("Depth", false, "Compress", true, "InputObject", false), List.of("InputObject"));

	private static final int DEFAULT_DEPTH = 2;

	private static final int MAX_DEPTH = 100;

	private ConvertToJson() {
	}

	/** The JSON of what came down the pipeline (or -InputObject): one object bare, several as an array. */
	public static List<Object> convert(Bound args, List<Object> pipeline) {
		int depth = depth(args);
		List<Object> input = new ArrayList<>();
		if (args.has("InputObject")) {
			input.add(UtilityCmdlets.object(args.values().get("InputObject")));
		}
		else {
			input.addAll(pipeline);
		}
		input.removeIf(o -> o == null);
		if (input.isEmpty()) {
			return List.of();
		}
		Object value = (input.size() > 1) ? input : input.get(0);
		String json = compact(process(value, 0, depth));
		return List.of(args.isSet("Compress") ? json : JsonLayout.pretty(json));
	}

	private static int depth(Bound args) {
		String depth = args.text("Depth");
		if (depth == null) {
			return DEFAULT_DEPTH;
		}
		if (!depth.matches("-?\\d{1,9}")) {
			throw new PsError(args.cmdlet(), "Cannot bind parameter 'Depth'. Cannot convert value \"" + depth
					+ "\" to type \"System.Int32\".");
		}
		int value = Integer.parseInt(depth);
		if (value < 1) {
			// [ValidateRange(1, int.MaxValue)]: ParameterArgumentValidationError around ValidateRangeTooSmall
			throw new PsError(args.cmdlet(), "Cannot validate argument on parameter 'Depth'. The " + value
					+ " argument is less than the minimum allowed range of 1. Supply an argument that is greater than"
					+ " or equal to 1 and then try the command again.");
		}
		if (value > MAX_DEPTH) {
			throw new PsError(args.cmdlet(), "The maximum depth allowed for serialization is " + MAX_DEPTH + ".");
		}
		return value;
	}

	// ProcessValue: objects deeper than -Depth become their string form
	private static Object process(Object value, int level, int depth) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
			return value;
		}
		if (level > depth) {
			return text(value);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> result = new LinkedHashMap<>();
			map.forEach((k, v) -> result.put(String.valueOf(k), process(v, level + 1, depth)));
			return result;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(item -> process(item, level + 1, depth)).toList();
		}
		return String.valueOf(value);
	}

	// a PSCustomObject's ToString: @{Name=value; Other=value}; a collection's: its items joined by $OFS, a space
	private static String text(Object value) {
		if (value instanceof Map<?, ?> map) {
			if (map.isEmpty()) {
				return "";
			}
			List<String> properties = new ArrayList<>();
			map.forEach((k, v) -> properties.add(k + "=" + text(v)));
			return "@{" + String.join("; ", properties) + "}";
		}
		if (value instanceof List<?> list) {
			return String.join(" ", list.stream().map(ConvertToJson::text).toList());
		}
		if (value instanceof Boolean b) {
			return b ? "True" : "False";
		}
		return (value == null) ? "" : String.valueOf(value);
	}

	/** JavaScriptSerializer's compact form, which -Compress returns as it is. */
	static String compact(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Boolean || value instanceof Number) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				out.append(first ? "" : ",");
				string(String.valueOf(entry.getKey()), out);
				out.append(':');
				write(entry.getValue(), out);
				first = false;
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				out.append((i == 0) ? "" : ",");
				write(list.get(i), out);
			}
			out.append(']');
		}
		else {
			string(String.valueOf(value), out);
		}
	}

	// JavaScriptSerializer also escapes the HTML-sensitive < > & ' (PowerShell issue #7693 shows 5.1's \u0027)
	private static void string(String value, StringBuilder out) {
		out.append('"');
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '<', '>', '&', '\'' -> out.append(String.format("\\u%04x", (int) c));
				default -> out.append((c < ' ') ? String.format("\\u%04x", (int) c) : String.valueOf(c));
			}
		}
		out.append('"');
	}

}
