package org.pchatfailover.lab.lync.powershell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pchatfailover.lab.lync.powershell.CmdletBinder.Bound;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Spec;
import org.pchatfailover.lab.lync.powershell.Ps.Block;
import org.pchatfailover.lab.lync.powershell.Ps.Bool;
import org.pchatfailover.lab.lync.powershell.Ps.ListValue;
import org.pchatfailover.lab.lync.powershell.Ps.Table;
import org.pchatfailover.lab.lync.powershell.Ps.Text;
import org.pchatfailover.lab.lync.powershell.Ps.Value;

/**
 * PowerShell's own pipeline cmdlets the lab shell has, over objects that are maps of property name to value (as
 * Select-Object's PSCustomObjects are): Select-Object {@code -Property}, Where-Object in both its syntaxes,
 * Write-Output. Parameters as the Windows PowerShell 5.1 reference declares them.
 */
public final class UtilityCmdlets {

	public static final Spec SELECT_OBJECT = new Spec("Select-Object", Map.of("Property", false), List.of("Property"));

	/** -FilterScript, or -Property [-Value] with one comparison switch (31 of them, and their I- aliases). */
	public static final Spec WHERE_OBJECT = new Spec("Where-Object", whereParameters(),
			List.of("Property", "Value"));

	/** -InputObject takes the remaining arguments: {@code Write-Output a b c}. */
	public static final Spec WRITE_OUTPUT = new Spec("Write-Output",
			Map.of("InputObject", false, "NoEnumerate", true), List.of("InputObject"), "InputObject");

	/** Aliases Windows PowerShell 5.1 defines for these cmdlets (their reference pages' {@code aliases}). */
	public static final Map<String, String> ALIASES = Map.of("select", "Select-Object", "where", "Where-Object",
			"echo", "Write-Output", "write", "Write-Output");

	private UtilityCmdlets() {
	}

	private static Map<String, Boolean> whereParameters() {
		Map<String, Boolean> parameters = new LinkedHashMap<>();
		List.of("FilterScript", "Property", "Value", "InputObject").forEach(p -> parameters.put(p, false));
		List.of("EQ", "NE", "GT", "GE", "LT", "LE", "Like", "NotLike", "Match", "NotMatch", "Contains", "NotContains",
				"In", "NotIn").forEach(op -> {
					parameters.put(op, true);
					parameters.put("C" + op, true);
					parameters.put("I" + op, true);
				});
		return parameters;
	}

	public static List<Object> select(Bound args, List<Object> input) {
		Value property = args.values().get("Property");
		List<Value> properties = (property instanceof ListValue list) ? list.items()
				: (property == null) ? List.of() : List.of(property);
		List<Object> output = new ArrayList<>();
		for (Object item : input) {
			output.add(selected(args, properties, item));
		}
		return output;
	}

	private static Map<String, Object> selected(Bound args, List<Value> properties, Object source) {
		Map<String, Object> selected = new LinkedHashMap<>();
		for (Value p : properties) {
			if (p instanceof Text text) {
				selected.put(text.value(), PsExpression.member(source, text.value()));
			}
			else if (p instanceof Table table) {
				selected.put(calculatedName(args, table), calculatedValue(args, table, source));
			}
			else {
				throw new PsError(args.cmdlet(), "Cannot convert the property specification to a property name.");
			}
		}
		return selected;
	}

	private static String calculatedName(Bound args, Table table) {
		for (String key : List.of("Name", "N", "Label", "L")) {
			if (table.get(key) instanceof Text name) {
				return name.value();
			}
		}
		throw new PsError(args.cmdlet(), "The \"Name\" key is missing from a calculated property hash table.");
	}

	private static Object calculatedValue(Bound args, Table table, Object source) {
		Value expression = (table.get("Expression") != null) ? table.get("Expression") : table.get("E");
		if (!(expression instanceof Block block)) {
			throw new PsError(args.cmdlet(), "The \"Expression\" key of a calculated property must be a script block.");
		}
		return PsExpression.evaluate(block.expression(), source);
	}

	/**
	 * The objects the filter script makes true, or whose property compares as the switch says; a property without
	 * a comparison is read as a Boolean (Where-Object reference: "When you provide a single Property ... treats the
	 * value of the property as a boolean expression").
	 */
	public static List<Object> where(Bound args, List<Object> input) {
		List<String> comparisons = args.values()
			.keySet()
			.stream()
			.filter(p -> args.isSet(p) && PsExpression.isComparison(p))
			.toList();
		Value filter = args.values().containsKey("FilterScript") ? args.values().get("FilterScript")
				: (args.values().get("Property") instanceof Block block) ? block : null;
		if (filter != null) {
			if (!(filter instanceof Block block) || !comparisons.isEmpty() || args.has("Value")) {
				throw PsError.parameterSetNotResolved(args.cmdlet());
			}
			return input.stream().filter(o -> PsExpression.isTrue(PsExpression.evaluate(block.expression(), o))).toList();
		}
		if (comparisons.size() > 1) {
			throw PsError.parameterSetNotResolved(args.cmdlet());
		}
		String property = args.text("Property");
		if (property == null || property.isEmpty()) {
			throw new PsError(args.cmdlet(), "Cannot process command because of one or more missing mandatory"
					+ " parameters: Property.");
		}
		String operator = comparisons.isEmpty() ? (args.has("Value") ? "eq" : null)
				: comparisons.get(0).toLowerCase(Locale.ROOT);
		Object value = object(args.values().get("Value"));
		return input.stream().filter(o -> {
			Object actual = PsExpression.member(o, property);
			return PsExpression.isTrue((operator == null) ? actual : PsExpression.compare(actual, operator, value));
		}).toList();
	}

	/** Its arguments, collections enumerated (unless -NoEnumerate), or what came down the pipeline. */
	public static List<Object> writeOutput(Bound args, List<Object> input) {
		if (!args.has("InputObject")) {
			return input;
		}
		Object value = object(args.values().get("InputObject"));
		if (value instanceof List<?> list && !args.isSet("NoEnumerate")) {
			return new ArrayList<>(list);
		}
		List<Object> output = new ArrayList<>();
		output.add(value);
		return output;
	}

	/** A value as the pipeline carries it: a string, a Boolean, null, a list, a map for a hashtable. */
	static Object object(Value value) {
		if (value instanceof Text text) {
			return text.value();
		}
		if (value instanceof Bool bool) {
			return bool.value();
		}
		if (value instanceof ListValue list) {
			return list.items().stream().map(UtilityCmdlets::object).toList();
		}
		if (value instanceof Table table) {
			Map<String, Object> map = new LinkedHashMap<>();
			table.entries().forEach((k, v) -> map.put(k, object(v)));
			return map;
		}
		if (value instanceof Block block) {
			return block.text();
		}
		return null;
	}

}
