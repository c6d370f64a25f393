package org.pchatfailover.lab.lync.powershell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The expressions a script block of the lab shell may hold, {@code { $_.PoolState -eq "FailedOver" }}, and how
 * PowerShell evaluates them (about_Comparison_Operators, about_Logical_Operators, about_Booleans): string
 * comparisons ignore case unless the operator starts with {@code c}, a collection on the left is filtered, the
 * containment operators answer a Boolean, {@code -and}/{@code -or}/{@code -xor} share one precedence.
 */
public final class PsExpression {

	/** The comparison operators without their {@code i}/{@code c} prefix. */
	static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match",
			"notmatch", "contains", "notcontains", "in", "notin");

	static final Set<String> LOGICAL = Set.of("and", "or", "xor");

	private PsExpression() {
	}

	public sealed interface Expr permits Property, Literal, Comparison, Logical, Not {
	}

	/**
	 * {@code $_} or {@code $_.A.B}, optionally cast.
	 * @param cast {@code string}, {@code string[]} or null
	 */
	public record Property(String cast, List<String> path) implements Expr {
	}

	/** A string, a number, {@code $true}, {@code $false} or {@code $null}. */
	public record Literal(Object value) implements Expr {
	}

	/** @param operator as written without its dash, lower case: {@code eq}, {@code ceq}, {@code inotlike} */
	public record Comparison(Expr left, String operator, Expr right) implements Expr {
	}

	/** @param operator {@code and}, {@code or} or {@code xor} */
	public record Logical(Expr left, String operator, Expr right) implements Expr {
	}

	/** {@code -not} or {@code !}. */
	public record Not(Expr operand) implements Expr {
	}

	/** Whether {@code operator} (no dash, any case) is a comparison operator of PowerShell. */
	static boolean isComparison(String operator) {
		String op = operator.toLowerCase(Locale.ROOT);
		return COMPARISONS.contains(op) || ((op.startsWith("i") || op.startsWith("c"))
				&& COMPARISONS.contains(op.substring(1)));
	}

	/** The value of {@code expr} with {@code input} as {@code $_}. */
	public static Object evaluate(Expr expr, Object input) {
		if (expr instanceof Literal literal) {
			return literal.value();
		}
		if (expr instanceof Property property) {
			return cast(property.cast(), path(input, property.path()));
		}
		if (expr instanceof Not not) {
			return !isTrue(evaluate(not.operand(), input));
		}
		if (expr instanceof Comparison c) {
			return compare(evaluate(c.left(), input), c.operator(), evaluate(c.right(), input));
		}
		return logical((Logical) expr, input);
	}

	private static boolean logical(Logical logical, Object input) {
		boolean left = isTrue(evaluate(logical.left(), input));
		return switch (logical.operator()) {
			case "and" -> left && isTrue(evaluate(logical.right(), input));
			case "or" -> left || isTrue(evaluate(logical.right(), input));
			default -> left ^ isTrue(evaluate(logical.right(), input));
		};
	}

	/**
	 * about_Booleans: {@code $null}, an empty string and 0 are false; an empty collection is false, one of a single
	 * element is that element's value, a longer one is true; anything else is true.
	 */
	public static boolean isTrue(Object value) {
		if (value == null) {
			return false;
		}
		if (value instanceof Boolean b) {
			return b;
		}
		if (value instanceof Number n) {
			return n.doubleValue() != 0;
		}
		if (value instanceof CharSequence s) {
			return !s.isEmpty();
		}
		if (value instanceof List<?> list) {
			return list.size() > 1 || (list.size() == 1 && isTrue(list.get(0)));
		}
		return true;
	}

	/**
	 * A property of an object: a map's entry (any case; a missing one is {@code $null}, as outside strict mode), a
	 * collection's {@code Count}, a string's {@code Length}, or each element's property (member enumeration).
	 */
	public static Object member(Object target, String name) {
		if (target instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (String.valueOf(entry.getKey()).equalsIgnoreCase(name)) {
					return entry.getValue();
				}
			}
			return null;
		}
		if (target instanceof List<?> list) {
			if (name.equalsIgnoreCase("Count") || name.equalsIgnoreCase("Length")) {
				return list.size();
			}
			List<Object> values = new ArrayList<>();
			list.stream().map(item -> member(item, name)).filter(v -> v != null).forEach(values::add);
			return values.isEmpty() ? null : (values.size() == 1) ? values.get(0) : values;
		}
		if (target instanceof String s && name.equalsIgnoreCase("Length")) {
			return s.length();
		}
		return null;
	}

	private static Object path(Object input, List<String> path) {
		Object value = input;
		for (String name : path) {
			value = member(value, name);
		}
		return value;
	}

	// [string] of a collection joins it with spaces, of $null is the empty string
	private static Object cast(String cast, Object value) {
		if ("string".equals(cast)) {
			return (value instanceof List<?> list) ? String.join(" ", list.stream().map(PsExpression::text).toList())
					: text(value);
		}
		if ("string[]".equals(cast)) {
			return (value instanceof List<?> list) ? list.stream().map(PsExpression::text).toList()
					: (value == null) ? null : List.of(text(value));
		}
		return value;
	}

	private static String text(Object value) {
		return (value == null) ? "" : String.valueOf(value);
	}

	/**
	 * {@code left -operator right}: a Boolean for a scalar on the left and for containment; the matching elements for
	 * a collection on the left.
	 */
	public static Object compare(Object left, String operator, Object right) {
		String op = operator.toLowerCase(Locale.ROOT);
		boolean caseSensitive = !COMPARISONS.contains(op) && op.startsWith("c");
		String base = COMPARISONS.contains(op) ? op : op.substring(1);
		switch (base) {
			case "contains", "notcontains" -> {
				return contains(left, right, caseSensitive) == base.equals("contains");
			}
			case "in", "notin" -> {
				return contains(right, left, caseSensitive) == base.equals("in");
			}
			default -> {
				if (left instanceof List<?> list) {
					return list.stream().filter(item -> scalar(item, base, right, caseSensitive)).toList();
				}
				return scalar(left, base, right, caseSensitive);
			}
		}
	}

	private static boolean contains(Object collection, Object value, boolean caseSensitive) {
		List<?> items = (collection instanceof List<?> list) ? list : Collections.singletonList(collection);
		return items.stream().anyMatch(item -> scalar(item, "eq", value, caseSensitive));
	}

	private static boolean scalar(Object left, String op, Object right, boolean caseSensitive) {
		return switch (op) {
			case "eq" -> equal(left, right, caseSensitive);
			case "ne" -> !equal(left, right, caseSensitive);
			case "gt" -> order(left, right, caseSensitive) > 0;
			case "ge" -> order(left, right, caseSensitive) >= 0;
			case "lt" -> order(left, right, caseSensitive) < 0;
			case "le" -> order(left, right, caseSensitive) <= 0;
			case "like" -> Wildcard.matches(text(right), text(left), caseSensitive);
			case "notlike" -> !Wildcard.matches(text(right), text(left), caseSensitive);
			case "match" -> matches(left, right, caseSensitive);
			case "notmatch" -> !matches(left, right, caseSensitive);
			default -> throw new IllegalArgumentException("not a comparison operator: -" + op);
		};
	}

	// the right side is converted to the left side's type, as PowerShell does
	private static boolean equal(Object left, Object right, boolean caseSensitive) {
		if (left == null || right == null) {
			return left == right;
		}
		if (left instanceof Number l) {
			Double r = number(right);
			return r != null && l.doubleValue() == r;
		}
		if (left instanceof Boolean l) {
			return l == isTrue(right);
		}
		return caseSensitive ? text(left).equals(text(right)) : text(left).equalsIgnoreCase(text(right));
	}

	private static int order(Object left, Object right, boolean caseSensitive) {
		if (left instanceof Number l && number(right) != null) {
			return Double.compare(l.doubleValue(), number(right));
		}
		return caseSensitive ? text(left).compareTo(text(right)) : text(left).compareToIgnoreCase(text(right));
	}

	private static boolean matches(Object left, Object right, boolean caseSensitive) {
		int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
		return Pattern.compile(text(right), flags).matcher(text(left)).find();
	}

	private static Double number(Object value) {
		if (value instanceof Number n) {
			return n.doubleValue();
		}
		try {
			return Double.valueOf(text(value).strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
