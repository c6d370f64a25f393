package org.pchatfailover.lab.lync.powershell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pchatfailover.lab.lync.powershell.Ps.Argument;
import org.pchatfailover.lab.lync.powershell.Ps.Bool;
import org.pchatfailover.lab.lync.powershell.Ps.Element;
import org.pchatfailover.lab.lync.powershell.Ps.ListValue;
import org.pchatfailover.lab.lync.powershell.Ps.Null;
import org.pchatfailover.lab.lync.powershell.Ps.Parameter;
import org.pchatfailover.lab.lync.powershell.Ps.Text;
import org.pchatfailover.lab.lync.powershell.Ps.Value;

/**
 * Binds a command's parameters as PowerShell does: names case-insensitive and abbreviable when unambiguous,
 * switches with an optional {@code :$false}, other parameters taking the next value, positional values in
 * declared order, common parameters everywhere. Anything unknown is an error, never ignored.
 */
public final class CmdletBinder {

	private static final Map<String, Boolean> COMMON = Map.of("Verbose", true, "Debug", true, "ErrorAction", false,
			"WarningAction", false, "ErrorVariable", false, "OutVariable", false);

	/** The values of -ErrorAction (System.Management.Automation.ActionPreference) as about_CommonParameters lists them. */
	public static final List<String> ACTION_PREFERENCES = List.of("Break", "Suspend", "Ignore", "Inquire", "Continue",
			"Stop", "SilentlyContinue");

	/**
	 * @param name the cmdlet name in its canonical case
	 * @param parameters parameter name to whether it is a switch
	 * @param positional parameters that take positional values, in order
	 * @param remaining the parameter declared {@code ValueFromRemainingArguments}, which takes the positional values
	 * left over as a list; null for none
	 */
	public record Spec(String name, Map<String, Boolean> parameters, List<String> positional, String remaining) {

		public Spec(String name, Map<String, Boolean> parameters, List<String> positional) {
			this(name, parameters, positional, null);
		}

	}

	/** The bound parameters of one invocation, by canonical name. */
	public record Bound(String cmdlet, Map<String, Value> values) {

		public boolean has(String parameter) {
			return values.containsKey(parameter);
		}

		public boolean isSet(String switchParameter) {
			Value value = values.get(switchParameter);
			return value instanceof Bool b && b.value();
		}

		/** The parameter as one string, null when absent or $null. */
		public String text(String parameter) {
			Value value = values.get(parameter);
			if (value == null || value instanceof Null) {
				return null;
			}
			if (value instanceof Text t) {
				return t.value();
			}
			throw PsError.binding(cmdlet, "CannotConvertArgument", "Cannot convert '" + describe(value)
					+ "' to the type 'System.String' required by parameter '" + parameter + "'.");
		}

		public String required(String parameter) {
			String value = text(parameter);
			if (value == null || value.isEmpty()) {
				throw new PsError(cmdlet, "Cannot bind argument to parameter '" + parameter
						+ "' because it is an empty string or null.");
			}
			return value;
		}

	}

	private CmdletBinder() {
	}

	public static Bound bind(Spec spec, List<Element> elements) {
		Map<String, Boolean> known = new LinkedHashMap<>(spec.parameters());
		COMMON.forEach(known::putIfAbsent);
		Map<String, Value> values = new LinkedHashMap<>();
		List<Value> positional = new ArrayList<>();
		for (int i = 0; i < elements.size(); i++) {
			Element element = elements.get(i);
			if (element instanceof Argument argument) {
				positional.add(argument.value());
				continue;
			}
			Parameter parameter = (Parameter) element;
			String name;
			try {
				name = resolve(spec.name(), known, parameter.name());
			}
			catch (PsError ex) {
				throw ex.at(parameter.extent());
			}
			if (values.containsKey(name)) {
				// ParameterAlreadyBound, ParameterBinderStrings.resx
				throw PsError.binding(spec.name(), "ParameterAlreadyBound", "Cannot bind parameter because parameter '"
						+ name + "' is specified more than once. To provide multiple values to parameters that can accept"
						+ " multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".")
					.at(parameter.extent());
			}
			if (known.get(name) || parameter.value() != null) {
				values.put(name, (parameter.value() != null) ? parameter.value() : new Bool(true));
			}
			else {
				values.put(name, followingValue(spec, name, elements, i));
				i++;
			}
		}
		bindPositional(spec, values, positional, elements);
		if (values.containsKey("ErrorAction")) {
			values.put("ErrorAction", new Text(actionPreference(spec.name(), values.get("ErrorAction"))));
		}
		return new Bound(spec.name(), values);
	}

	// -Name value: a parameter that is no switch takes the next element, which must be a value
	private static Value followingValue(Spec spec, String name, List<Element> elements, int index) {
		if (index + 1 < elements.size() && elements.get(index + 1) instanceof Argument next) {
			return next.value();
		}
		throw PsError.binding(spec.name(), "MissingArgument", "Missing an argument for parameter '" + name
				+ "'. Specify a parameter of the required type and try again.").at(elements.get(index).extent());
	}

	// in its canonical case: the cmdlet decides what the preference does to its non-terminating errors
	private static String actionPreference(String cmdlet, Value value) {
		String written = describe(value);
		return ACTION_PREFERENCES.stream()
			.filter(p -> p.equalsIgnoreCase(written))
			.findFirst()
			.orElseThrow(() -> PsError.enumConversion(cmdlet, "ErrorAction", written,
					"System.Management.Automation.ActionPreference", ACTION_PREFERENCES));
	}

	private static void bindPositional(Spec spec, Map<String, Value> values, List<Value> positional,
			List<Element> elements) {
		List<String> free = spec.positional().stream().filter(p -> !values.containsKey(p)).toList();
		List<Value> remaining = new ArrayList<>();
		for (int i = 0; i < positional.size(); i++) {
			if (i < free.size() && !free.get(i).equals(spec.remaining())) {
				values.put(free.get(i), positional.get(i));
			}
			else if (spec.remaining() != null && !values.containsKey(spec.remaining())) {
				remaining.add(positional.get(i));
			}
			else {
				throw PsError.binding(spec.name(), "PositionalParameterNotFound", "A positional parameter cannot be"
						+ " found that accepts argument '" + describe(positional.get(i)) + "'.").at(extentOf(positional.get(i), elements));
			}
		}
		if (remaining.size() == 1) {
			values.put(spec.remaining(), remaining.get(0));
		}
		else if (!remaining.isEmpty()) {
			values.put(spec.remaining(), new ListValue(remaining));
		}
	}

	private static String resolve(String cmdlet, Map<String, Boolean> known, String written) {
		String lower = written.toLowerCase(Locale.ROOT);
		List<String> matches = new ArrayList<>();
		for (String name : known.keySet()) {
			if (name.equalsIgnoreCase(written)) {
				return name;
			}
			if (name.toLowerCase(Locale.ROOT).startsWith(lower)) {
				matches.add(name);
			}
		}
		if (matches.size() == 1) {
			return matches.get(0);
		}
		if (matches.isEmpty()) {
			throw PsError.binding(cmdlet, "NamedParameterNotFound", "A parameter cannot be found that matches"
					+ " parameter name '" + written + "'.");
		}
		throw PsError.binding(cmdlet, "AmbiguousParameter", "Parameter cannot be processed because the parameter name '"
				+ written + "' is ambiguous. Possible matches include: -" + String.join(" -", matches) + ".");
	}

	// the positional argument's place in the command, for the error's position
	private static Ps.Extent extentOf(Value value, List<Element> elements) {
		return elements.stream()
			.filter(e -> e instanceof Argument a && a.value() == value)
			.map(Element::extent)
			.findFirst()
			.orElse(null);
	}

	public static String describe(Value value) {
		if (value instanceof Text t) {
			return t.value();
		}
		if (value instanceof Bool b) {
			return b.value() ? "True" : "False";
		}
		if (value instanceof ListValue l) {
			return String.join(" ", l.items().stream().map(CmdletBinder::describe).toList());
		}
		return (value instanceof Null) ? "" : "System.Collections.Hashtable";
	}

}
