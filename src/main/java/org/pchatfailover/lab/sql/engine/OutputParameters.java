package org.pchatfailover.lab.sql.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * The OUTPUT parameters of a parameterised statement ({@code sp_executesql}, {@code sp_prepexec},
 * {@code sp_execute}): "For each output parameter, there is a corresponding return value, sent via the RETURNVALUE
 * token" ([MS-TDS] 2.2.2.6), named as declared and numbered by the parameter's place in the RPC call, counted from
 * 0 (mssql-jdbc SQLServerCallableStatement: "parameter ordinals are 0-indexed").
 */
final class OutputParameters {

	/** {@code @name type [OUTPUT|OUT]}, the type with its length or precision, e.g. {@code numeric(10, 2)}. */
	private static final Pattern DECLARATION = Pattern
		.compile("(@\\S+)\\s+(?:AS\\s+)?(.+?)(\\s+(?:OUTPUT|OUT))?\\s*(?:=.*)?", Pattern.CASE_INSENSITIVE);

	private final List<Declared> declared = new ArrayList<>();

	OutputParameters(String declarations) {
		for (String item : Procedures.declarationItems(declarations)) {
			Matcher matcher = DECLARATION.matcher(item);
			if (matcher.matches()) {
				declared.add(new Declared(matcher.group(1), matcher.group(2).strip(), matcher.group(3) != null));
			}
		}
	}

	/** A value sent by reference for a parameter declared without OUTPUT is error 8162, before anything runs. */
	void check(List<Param> values) {
		for (int i = 0; i < values.size(); i++) {
			Declared declaration = declarationOf(values.get(i), i);
			if (values.get(i).output() && declaration != null && !declaration.output()) {
				throw new SqlException(SqlErrors.notOutputParameter(declaration.name()));
			}
		}
	}

	/** The RETURNVALUEs after the statement ran: the variables' final values. */
	List<Outcome> returnValues(List<Param> values, Map<String, Object> variables, int firstOrdinal) {
		List<Outcome> returned = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			Declared declaration = declarationOf(values.get(i), i);
			if (!values.get(i).output() || declaration == null) {
				continue;
			}
			Object value = variables.get(declaration.name().toLowerCase(Locale.ROOT));
			SqlType type = type(declaration.type(), value);
			try {
				returned.add(new Outcome.ReturnValue(firstOrdinal + i, declaration.name(), type, convert(type, value)));
			}
			catch (NumberFormatException ex) {
				throw new SqlException(SqlErrors.conversionFailed(value.toString(), declaration.type()));
			}
		}
		return returned;
	}

	private Declared declarationOf(Param value, int position) {
		if (value.named()) {
			return declared.stream().filter(d -> d.name().equalsIgnoreCase(value.name())).findFirst().orElse(null);
		}
		return position < declared.size() ? declared.get(position) : null;
	}

	/** The declared type as the lab can describe it; character and binary types keep their two-byte forms. */
	static SqlType type(String declaredType, Object value) {
		String type = declaredType.toLowerCase(Locale.ROOT).replace(" ", "");
		String base = type.contains("(") ? type.substring(0, type.indexOf('(')) : type;
		List<Integer> sizes = sizes(type);
		return switch (base) {
			case "int" -> SqlType.INT;
			case "bigint" -> SqlType.BIGINT;
			case "smallint" -> SqlType.SMALLINT;
			case "tinyint" -> SqlType.TINYINT;
			case "bit" -> SqlType.BIT;
			case "datetime" -> SqlType.DATETIME;
			case "uniqueidentifier" -> SqlType.UNIQUEIDENTIFIER;
			case "nvarchar", "varchar", "nchar", "char", "sysname" -> SqlType
				.nvarchar(sizes.isEmpty() ? (base.equals("sysname") ? 128 : 4000) : Math.min(sizes.get(0), 4000));
			case "varbinary", "binary" -> SqlType.varbinary(sizes.isEmpty() ? 8000 : Math.min(sizes.get(0), 8000));
			case "numeric", "decimal" -> SqlType.numeric(sizes.isEmpty() ? 18 : sizes.get(0),
					sizes.size() < 2 ? 0 : sizes.get(1));
			default -> value instanceof Number ? SqlType.BIGINT : SqlType.nvarchar(4000);
		};
	}

	private static List<Integer> sizes(String type) {
		List<Integer> sizes = new ArrayList<>();
		Matcher numbers = Pattern.compile("\\d+").matcher(type.contains("(") ? type.substring(type.indexOf('(')) : "");
		while (numbers.find()) {
			sizes.add(Integer.parseInt(numbers.group()));
		}
		return sizes;
	}

	private static Object convert(SqlType type, Object value) {
		if (value == null) {
			return null;
		}
		return switch (type.kind()) {
			case BIGINT, INT, SMALLINT, TINYINT -> value instanceof Number n ? n.longValue()
					: value instanceof Boolean b ? (b ? 1L : 0L) : Long.parseLong(value.toString().strip());
			case BIT -> value instanceof Boolean ? value : new BigDecimal(value.toString().strip()).signum() != 0;
			case NUMERIC -> value instanceof BigDecimal ? value : new BigDecimal(value.toString().strip());
			case NVARCHAR -> value.toString();
			default -> value;
		};
	}

	private record Declared(String name, String type, boolean output) {
	}

}
