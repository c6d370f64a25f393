package org.pchatfailover.lab.sql.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Expr;

/**
 * Evaluates expressions against the batch's variables and, in a query, the current row ({@link RowScope}): literals,
 * variables, @@ functions, columns, the arithmetic operators ({@link Arithmetic}) and built-in functions
 * ({@link Functions}). Strings compare case-insensitively, as under the instance's _CI_AS collation; NULL compares as
 * unknown ({@link Comparisons}).
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

	private final Functions functions = new Functions(this);

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

	/** A value outside a query: no columns to read. */
	Object value(Expr expr) {
		return value(expr, RowScope.NONE);
	}

	Object value(Expr expr, RowScope scope) {
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
			return scope.column(column);
		}
		if (expr instanceof Expr.Aggregate aggregate) {
			return scope.aggregate(aggregate, this);
		}
		if (expr instanceof Expr.Binary binary) {
			return Arithmetic.apply(binary.operator(), value(binary.left(), scope), value(binary.right(), scope));
		}
		return functions.call((Expr.Call) expr, scope);
	}

	String string(Expr expr) {
		Object value = SqlVariant.unwrap(value(expr));
		return value == null ? null : value.toString();
	}

	boolean compare(Object left, String operator, Object right) {
		return Comparisons.compare(left, operator, right);
	}

	/** An @@ function: the lab's, a documented one it does not evaluate (40517), else 137 as for an unknown one. */
	private Object global(String name) {
		return switch (name) {
			case "@@SPID" -> session.spid();
			case "@@VERSION" -> version.version();
			case "@@SERVERNAME" -> serverName;
			case "@@TRANCOUNT" -> session.transaction().count();
			case "@@ERROR" -> 0;
			case "@@LANGUAGE" -> "us_english";
			case "@@DATEFIRST" -> 7; // us_english: Sunday; SET DATEFIRST is accepted and not applied (facts-tsql.md)
			case "@@MAX_PRECISION" -> 38; // decimal precision; jTDS asks for it on connect
			default -> throw new SqlException(DocumentedFunctions.isGlobal(name) ? SqlErrors.notSimulated(name)
					: SqlErrors.mustDeclare(name));
		};
	}

	LabSqlState state() {
		return state;
	}

	SqlSession session() {
		return session;
	}

	ServerVersion version() {
		return version;
	}

	ServerProperties properties() {
		return properties;
	}

	Instant now() {
		return now;
	}

	ZoneId zone() {
		return zone;
	}

	static boolean isNumber(Object value) {
		return value instanceof Number;
	}

	static java.math.BigDecimal decimal(Object value) {
		return Comparisons.decimal(value);
	}

}
