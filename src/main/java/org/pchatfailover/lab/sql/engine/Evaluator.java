package org.pchatfailover.lab.sql.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Expr;

/**
 * Evaluates expressions against the batch's variables and, in a query, the current row. Strings compare
 * case-insensitively, as under the instance's _CI_AS collation; NULL compares as unknown.
 */
final class Evaluator {

	private final LabSqlState state;

	private final SqlSession session;

	private final Map<String, Object> variables;

	private final String serverName;

	private final ServerVersion version;

	/** GETDATE() and GETUTCDATE() are one instant per statement on SQL Server, so offsets computed from them are exact. */
	private final Instant now;

	private final ZoneId zone;

	private final ServerProperties properties;

	Evaluator(LabSqlState state, SqlSession session, Map<String, Object> variables, String serverName,
			ServerVersion version, Clock clock) {
		this.state = state;
		this.session = session;
		this.variables = variables;
		this.serverName = serverName;
		this.version = version;
		this.now = clock.instant();
		this.zone = clock.getZone();
		this.properties = new ServerProperties(serverName, version);
	}

	Object value(Expr expr, Table table, List<Object> row) {
		if (expr instanceof Expr.Literal literal) {
			return literal.value();
		}
		if (expr instanceof Expr.Variable variable) {
			String key = variable.name().toLowerCase(Locale.ROOT);
			if (!variables.containsKey(key)) {
				throw new SqlException(SqlErrors.mustDeclare(variable.name()));
			}
			return variables.get(key);
		}
		if (expr instanceof Expr.Global global) {
			return global(global.name());
		}
		if (expr instanceof Expr.ColumnRef column) {
			int index = table == null ? -1 : table.indexOf(column.name());
			if (index < 0) {
				throw new SqlException(SqlErrors.invalidColumn(column.name()));
			}
			return row.get(index);
		}
		Expr.Call call = (Expr.Call) expr;
		return call(call, table, row);
	}

	String string(Expr expr) {
		Object value = value(expr, null, null);
		return value == null ? null : value.toString();
	}

	boolean compare(Object leftValue, String operator, Object rightValue) {
		if (leftValue == null || rightValue == null) {
			return false;
		}
		Object left = bitAsNumber(SqlVariant.unwrap(leftValue));
		Object right = bitAsNumber(SqlVariant.unwrap(rightValue));
		int order;
		if (isNumber(left) && isNumber(right)) {
			order = decimal(left).compareTo(decimal(right));
		}
		else {
			order = left.toString().compareToIgnoreCase(right.toString());
		}
		return switch (operator) {
			case "=" -> order == 0;
			case "<>", "!=" -> order != 0;
			case "<" -> order < 0;
			case "<=" -> order <= 0;
			case ">" -> order > 0;
			default -> order >= 0;
		};
	}

	private Object global(String name) {
		return switch (name) {
			case "@@SPID" -> session.spid();
			case "@@VERSION" -> version.version();
			case "@@SERVERNAME" -> serverName;
			case "@@TRANCOUNT" -> session.transaction().count();
			case "@@ERROR" -> 0;
			case "@@LANGUAGE" -> "us_english";
			case "@@MAX_PRECISION" -> 38; // decimal precision; jTDS asks for it on connect
			default -> throw new SqlException(SqlErrors.mustDeclare(name));
		};
	}

	private Object call(Expr.Call call, Table table, List<Object> row) {
		if (call.function().equals("DATEDIFF")) {
			return dateDiff(call, table, row);
		}
		List<Object> args = call.args().stream().map(a -> value(a, table, row)).toList();
		return switch (call.function()) {
			case "DB_ID" -> SystemViews.databaseId(state, args.isEmpty() ? session.database() : str(args.get(0)));
			case "DB_NAME" -> args.isEmpty() ? session.database() : databaseName(args.get(0));
			case "SERVERPROPERTY" -> properties.serverProperty(args.get(0));
			case "DATABASEPROPERTYEX" -> ServerProperties.databaseProperty(state, args.get(0), args.get(1));
			case "CAST" -> cast(SqlVariant.unwrap(args.get(0)), str(args.get(1)));
			case "SUSER_SNAME" -> args.isEmpty() ? session.login()
					: args.get(0) instanceof byte[] sid ? LoginPermissions.loginOf(state, sid) : null;
			case "SUSER_NAME" -> session.login();
			case "IS_SRVROLEMEMBER" -> new LoginPermissions(version).isSrvRoleMember(state, session, args);
			case "HAS_PERMS_BY_NAME" -> new LoginPermissions(version).hasPermsByName(state, session, args);
			case "ISNULL" -> args.get(0) != null ? args.get(0) : args.get(1);
			case "GETDATE" -> LocalDateTime.ofInstant(now, zone);
			case "GETUTCDATE" -> LocalDateTime.ofInstant(now, ZoneOffset.UTC);
			default -> throw new SqlException(SqlErrors.unknownFunction(call.function()));
		};
	}

	/** {@code DATEDIFF(datepart, start, end)}: the datepart is a bare word, not a column. */
	private Object dateDiff(Expr.Call call, Table table, List<Object> row) {
		if (call.args().size() != 3 || !(call.args().get(0) instanceof Expr.ColumnRef part)) {
			throw new SqlException(SqlErrors.syntax("DATEDIFF"));
		}
		ChronoUnit unit = switch (part.name().toUpperCase(Locale.ROOT)) {
			case "SECOND", "SS", "S" -> ChronoUnit.SECONDS;
			case "MINUTE", "MI", "N" -> ChronoUnit.MINUTES;
			case "HOUR", "HH" -> ChronoUnit.HOURS;
			case "DAY", "DD", "D" -> ChronoUnit.DAYS;
			default -> throw new SqlException(SqlErrors.syntax(part.name()));
		};
		Object start = value(call.args().get(1), table, row);
		Object end = value(call.args().get(2), table, row);
		if (start == null || end == null) {
			return null;
		}
		// SQL Server counts boundaries crossed, so both ends are truncated to the datepart first
		return (int) unit.between(((LocalDateTime) start).truncatedTo(unit), ((LocalDateTime) end).truncatedTo(unit));
	}

	private Object databaseName(Object id) {
		return state.databases.stream().filter(d -> isNumber(id) && d.id() == decimal(id).intValue())
			.map(LabSqlState.Database::name).findFirst().orElse(null);
	}

	/**
	 * {@code CAST(value AS type)} for the types clients cast SERVERPROPERTY's sql_variant to; a value that does not
	 * convert fails with 245, as on SQL Server.
	 */
	private static Object cast(Object value, String type) {
		String base = type.replaceAll("\\(.*", "");
		return switch (base) {
			case "nvarchar", "varchar", "nchar", "char", "sysname" -> str(value);
			case "int", "smallint", "bigint", "tinyint" -> value == null ? null : integer(value, base);
			default -> throw new SqlException(SqlErrors.notSimulated("CAST AS " + type));
		};
	}

	private static Object integer(Object value, String type) {
		try {
			BigDecimal number = decimal(value.toString().strip());
			return type.equals("bigint") ? (Object) number.longValueExact() : (Object) number.intValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new SqlException(SqlErrors.conversionFailed(value.toString(), type));
		}
	}

	private static String str(Object value) {
		return value == null ? null : value.toString();
	}

	/** A bit column compares with 1 and 0. */
	private static Object bitAsNumber(Object value) {
		return value instanceof Boolean bit ? (bit ? 1 : 0) : value;
	}

	static boolean isNumber(Object value) {
		return value instanceof Number;
	}

	static BigDecimal decimal(Object value) {
		if (value instanceof BigDecimal d) {
			return d;
		}
		if (value instanceof BigInteger i) {
			return new BigDecimal(i);
		}
		return new BigDecimal(value.toString());
	}

}
