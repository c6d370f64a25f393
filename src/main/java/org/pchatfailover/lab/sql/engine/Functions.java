package org.pchatfailover.lab.sql.engine;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.pchatfailover.lab.sql.errors.ExpressionErrors;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Expr;

/**
 * The built-in functions the lab evaluates. A documented function it does not evaluate is refused as the lab's limit
 * (40517); a name SQL Server does not know is 195, as on a real instance ({@link DocumentedFunctions}). A wrong number
 * of arguments is 174 (or 189 for a range).
 */
final class Functions {

	private final Evaluator evaluator;

	Functions(Evaluator evaluator) {
		this.evaluator = evaluator;
	}

	Object call(Expr.Call call, RowScope scope) {
		String function = call.function();
		switch (function) {
			case "DATEDIFF", "DATEADD", "DATEPART" -> {
				return datePart(call, scope);
			}
			case "CAST" -> {
				return Conversions.convert(evaluator.value(call.args().get(0), scope), literal(call.args().get(1)), null);
			}
			case "CONVERT" -> {
				Object style = call.args().size() > 2 ? SqlVariant.unwrap(evaluator.value(call.args().get(2), scope)) : null;
				if (call.args().size() > 2 && style == null) {
					return null; // "For a style value of NULL, NULL is returned."
				}
				return Conversions.convert(evaluator.value(call.args().get(1), scope), literal(call.args().get(0)),
						style == null ? null : Comparisons.decimal(style).intValue());
			}
			default -> {
				List<Object> args = new ArrayList<>();
				call.args().forEach(a -> args.add(evaluator.value(a, scope)));
				Object text = StringFunctions.call(function, args);
				return text != StringFunctions.NOT_A_STRING_FUNCTION ? text : system(function, args);
			}
		}
	}

	private Object system(String function, List<Object> args) {
		LabSqlState state = evaluator.state();
		SqlSession session = evaluator.session();
		return switch (function) {
			case "DB_ID" -> SystemViews.databaseId(state, args.isEmpty() ? session.database() : text(args.get(0)));
			case "DB_NAME" -> args.isEmpty() ? session.database() : databaseName(args.get(0));
			case "SERVERPROPERTY" -> evaluator.properties().serverProperty(arguments(function, args, 1).get(0));
			case "DATABASEPROPERTYEX" -> ServerProperties.databaseProperty(state, arguments(function, args, 2).get(0),
					args.get(1));
			case "SUSER_SNAME" -> args.isEmpty() ? session.login()
					: args.get(0) instanceof byte[] sid ? LoginPermissions.loginOf(state, sid) : null;
			case "SUSER_NAME", "SYSTEM_USER" -> session.login();
			case "IS_SRVROLEMEMBER" -> new LoginPermissions(evaluator.version()).isSrvRoleMember(state, session, args);
			case "HAS_PERMS_BY_NAME" -> new LoginPermissions(evaluator.version()).hasPermsByName(state, session, args);
			case "HOST_NAME" -> session.hostName();
			case "APP_NAME" -> session.programName();
			case "ISNULL" -> arguments(function, args, 2).get(0) != null ? args.get(0) : args.get(1);
			case "COALESCE" -> args.stream().filter(Objects::nonNull).findFirst().orElse(null);
			case "NULLIF" -> Boolean.TRUE.equals(Comparisons.compare(arguments(function, args, 2).get(0), "=",
					args.get(1))) ? null : args.get(0);
			case "GETDATE", "CURRENT_TIMESTAMP" -> DatetimeText.datetime(LocalDateTime.ofInstant(evaluator.now(),
					evaluator.zone()));
			case "GETUTCDATE" -> DatetimeText.datetime(LocalDateTime.ofInstant(evaluator.now(), ZoneOffset.UTC));
			case "YEAR" -> DateParts.datePart("year", arguments(function, args, 1).get(0));
			case "MONTH" -> DateParts.datePart("month", arguments(function, args, 1).get(0));
			case "DAY" -> DateParts.datePart("day", arguments(function, args, 1).get(0));
			case "ABS" -> abs(arguments(function, args, 1).get(0));
			default -> throw new SqlException(DocumentedFunctions.isFunction(function) ? SqlErrors.notSimulated(function)
					: SqlErrors.unknownFunction(function));
		};
	}

	/** DATEDIFF(part, start, end), DATEADD(part, number, date), DATEPART(part, date): the part is a bare word. */
	private Object datePart(Expr.Call call, RowScope scope) {
		String function = call.function();
		int count = function.equals("DATEPART") ? 2 : 3;
		if (call.args().size() != count) {
			throw new SqlException(ExpressionErrors.argumentCount(function, count));
		}
		if (!(call.args().get(0) instanceof Expr.ColumnRef written) || written.qualifier() != null) {
			// "The datepart value cannot be specified in a variable, nor as a quoted string"
			throw new SqlException(ExpressionErrors.invalidParameter(1, function));
		}
		String part = DateParts.part(written.name(), function);
		Object a = evaluator.value(call.args().get(1), scope);
		if (function.equals("DATEPART")) {
			return DateParts.datePart(part, a);
		}
		Object b = evaluator.value(call.args().get(2), scope);
		return function.equals("DATEDIFF") ? DateParts.dateDiff(part, a, b) : DateParts.dateAdd(part, a, b);
	}

	private Object databaseName(Object id) {
		Object plain = SqlVariant.unwrap(id);
		return evaluator.state().databases.stream()
			.filter(d -> plain instanceof Number n && d.id() == n.intValue())
			.map(LabSqlState.Database::name).findFirst().orElse(null);
	}

	private static Object abs(Object value) {
		Object plain = SqlVariant.unwrap(value);
		if (plain == null) {
			return null;
		}
		if (plain instanceof Integer i) {
			return Math.abs(i);
		}
		if (plain instanceof Long l) {
			return Math.abs(l);
		}
		if (plain instanceof Number n) {
			return Comparisons.decimal(n).abs();
		}
		throw new SqlException(ExpressionErrors.invalidArgumentType(Conversions.typeName(plain), 1, "abs"));
	}

	private static String text(Object value) {
		return value == null ? null : SqlVariant.unwrap(value).toString();
	}

	private static String literal(Expr type) {
		return String.valueOf(((Expr.Literal) type).value());
	}

	static List<Object> arguments(String function, List<Object> args, int count) {
		if (args.size() != count) {
			throw new SqlException(ExpressionErrors.argumentCount(function, count));
		}
		return args;
	}

	static List<Object> argumentRange(String function, List<Object> args, int min, int max) {
		if (args.size() < min || args.size() > max) {
			throw new SqlException(ExpressionErrors.argumentRange(function, min, max));
		}
		return args;
	}

}
