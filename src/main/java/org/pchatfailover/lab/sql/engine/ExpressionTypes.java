package org.pchatfailover.lab.sql.engine;

import java.math.BigDecimal;
import java.util.function.Function;

import org.pchatfailover.lab.sql.parse.Expr;

/**
 * The type of a result column from its expression, whatever the rows hold (also with no rows, under SET FMTONLY ON):
 * a column's own type, a CAST's or CONVERT's target, SERVERPROPERTY's sql_variant, int for LEN or DATEDIFF, datetime
 * for GETDATE, the aggregates' return types (COUNT int, COUNT_BIG bigint, SUM of an integer type int or bigint, of
 * numeric numeric(38, s); sql-docs count, count-big, sum). Null when the lab cannot tell: the first value decides.
 */
final class ExpressionTypes {

	private static final SqlType NAME = SqlType.nvarchar(128);

	private final Function<Expr.ColumnRef, SqlType> columns;

	/** @param columns the type of a column of the query's FROM clause */
	ExpressionTypes(Function<Expr.ColumnRef, SqlType> columns) {
		this.columns = columns;
	}

	SqlType of(Expr expr) {
		if (expr instanceof Expr.ColumnRef column) {
			return columns.apply(column);
		}
		if (expr instanceof Expr.Literal literal) {
			return literal(literal.value());
		}
		if (expr instanceof Expr.Global global) {
			return switch (global.name()) {
				case "@@SPID" -> SqlType.SMALLINT;
				case "@@VERSION" -> SqlType.nvarchar(300);
				case "@@SERVERNAME", "@@LANGUAGE" -> NAME;
				case "@@MAX_PRECISION", "@@DATEFIRST" -> SqlType.TINYINT;
				default -> SqlType.INT;
			};
		}
		if (expr instanceof Expr.Aggregate aggregate) {
			return aggregate(aggregate);
		}
		if (expr instanceof Expr.Binary binary) {
			return binary(binary);
		}
		if (expr instanceof Expr.Call call) {
			return call(call);
		}
		return null;
	}

	private static SqlType literal(Object value) {
		if (value instanceof String text) {
			return SqlType.nvarchar(Math.max(text.length(), 1));
		}
		if (value instanceof BigDecimal number) {
			return SqlType.numeric(Math.max(number.precision(), number.scale()), Math.max(number.scale(), 0));
		}
		return SqlType.INT; // an integer, or NULL (which SQL Server types int)
	}

	private SqlType aggregate(Expr.Aggregate aggregate) {
		SqlType argument = aggregate.argument() == null ? null : of(aggregate.argument());
		return switch (aggregate.function()) {
			case "COUNT" -> SqlType.INT;
			case "COUNT_BIG" -> SqlType.BIGINT;
			case "SUM" -> argument == null ? null : switch (argument.kind()) {
				case TINYINT, SMALLINT, INT, BIT -> SqlType.INT;
				case BIGINT -> SqlType.BIGINT;
				case NUMERIC -> SqlType.numeric(38, argument.scale());
				default -> null;
			};
			default -> argument;
		};
	}

	private SqlType binary(Expr.Binary binary) {
		SqlType left = of(binary.left());
		SqlType right = of(binary.right());
		if (left == null || right == null) {
			return null;
		}
		if (left.kind() == SqlType.Kind.NVARCHAR && right.kind() == SqlType.Kind.NVARCHAR) {
			return SqlType.nvarchar(Math.min(left.length() + right.length(), 4000));
		}
		if (left.kind() == SqlType.Kind.DATETIME || right.kind() == SqlType.Kind.DATETIME) {
			return SqlType.DATETIME;
		}
		if (left.kind() == SqlType.Kind.NUMERIC || right.kind() == SqlType.Kind.NUMERIC) {
			return null;
		}
		return left.kind() == SqlType.Kind.BIGINT || right.kind() == SqlType.Kind.BIGINT ? SqlType.BIGINT : SqlType.INT;
	}

	private SqlType call(Expr.Call call) {
		return switch (call.function()) {
			case "CAST" -> target(call.args().get(1));
			case "CONVERT" -> target(call.args().get(0));
			case "SERVERPROPERTY", "DATABASEPROPERTYEX" -> SqlType.SQL_VARIANT;
			case "LEN", "CHARINDEX", "DATEDIFF", "DATEPART", "YEAR", "MONTH", "DAY", "DB_ID", "IS_SRVROLEMEMBER",
					"HAS_PERMS_BY_NAME" -> SqlType.INT;
			case "DB_NAME", "SUSER_SNAME", "SUSER_NAME", "SYSTEM_USER", "HOST_NAME", "APP_NAME" -> NAME;
			case "GETDATE", "GETUTCDATE", "CURRENT_TIMESTAMP", "DATEADD" -> SqlType.DATETIME;
			// results no longer than the first argument (REPLACE and ISNULL can be: their values decide)
			case "UPPER", "LOWER", "LTRIM", "RTRIM", "SUBSTRING", "LEFT", "RIGHT" -> text(call);
			case "ABS" -> call.args().isEmpty() ? null : of(call.args().get(0));
			default -> null;
		};
	}

	/** A string function's result: as long as its character argument at most. */
	private SqlType text(Expr.Call call) {
		SqlType argument = call.args().isEmpty() ? null : of(call.args().get(0));
		return argument != null && argument.kind() == SqlType.Kind.NVARCHAR ? argument : null;
	}

	private static SqlType target(Expr type) {
		Conversions.Target target = Conversions.target(String.valueOf(((Expr.Literal) type).value()), 30);
		return target == null ? null : target.type();
	}

}
