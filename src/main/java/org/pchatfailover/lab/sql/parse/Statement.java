package org.pchatfailover.lab.sql.parse;

import java.util.List;

/** The statements the lab's SQL Server understands; anything else is refused with SQL Server's error. */
public sealed interface Statement {

	/**
	 * {@code SELECT [DISTINCT] [TOP (n)] items [FROM sources] [WHERE condition] [GROUP BY expressions]
	 * [HAVING condition] [ORDER BY expressions]}.
	 *
	 * @param top null without TOP; a literal or a variable
	 * @param from null without a FROM clause
	 * @param joins the further sources of the FROM clause, in order (a comma is a CROSS join)
	 * @param where null without a WHERE clause
	 * @param having null without a HAVING clause
	 */
	record Select(boolean distinct, Expr top, List<SelectItem> items, TableSource from, List<Join> joins,
			Predicate where, List<Expr> groupBy, Predicate having, List<OrderItem> orderBy) implements Statement {

		/** {@code SELECT @a = x, @b = y ...}: the values of the last row go to the variables, no result set. */
		public boolean assigns() {
			return items.stream().anyMatch(i -> i.variable() != null);
		}

	}

	/**
	 * A select list entry: {@code *} (expr null), {@code alias.*} (a column reference named {@code *}), an expression
	 * with an optional alias, or {@code @variable = expression}.
	 *
	 * @param variable the variable a SELECT assigns the value to, else null
	 */
	record SelectItem(Expr expr, String alias, String variable) {

		public SelectItem(Expr expr, String alias) {
			this(expr, alias, null);
		}

	}

	/** A table or view of the FROM clause; {@code alias} null when it has none. */
	record TableSource(List<String> name, String alias) {

		/** The name the query knows it by: its alias, else the object's own name. */
		public String exposedName() {
			return alias != null ? alias : name.get(name.size() - 1);
		}

	}

	/**
	 * {@code [INNER | LEFT | RIGHT | FULL] JOIN table ON condition}, {@code CROSS JOIN table} or {@code , table}.
	 *
	 * @param type INNER, LEFT, RIGHT, FULL or CROSS
	 * @param on null for CROSS
	 */
	record Join(String type, TableSource table, Predicate on) {
	}

	record OrderItem(Expr expr, boolean descending) {
	}

	/** {@code EXEC[UTE] [db.schema.]procedure [@name =] value, ...}. */
	record Exec(List<String> procedure, List<Argument> arguments) implements Statement {
	}

	/** @param output {@code OUTPUT}: the variable passed receives the parameter's value after the call */
	record Argument(String name, Expr value, boolean output) {

		public Argument(String name, Expr value) {
			this(name, value, false);
		}

	}

	/**
	 * {@code RESTORE HEADERONLY | FILELISTONLY | VERIFYONLY FROM DISK = device}: reads a backup, restores nothing.
	 *
	 * @param what HEADERONLY, FILELISTONLY or VERIFYONLY
	 */
	record RestoreInspect(String what, Expr device) implements Statement {
	}

	/** {@code PRINT message}: the message goes to the client as an informational message. */
	record Print(Expr message) implements Statement {
	}

	/**
	 * {@code RESTORE LOG db FROM DISK = device WITH ...} or {@code RESTORE DATABASE db [FROM DISK = ...] WITH ...}.
	 *
	 * @param log RESTORE LOG rather than RESTORE DATABASE
	 * @param database the database name, literal or variable
	 * @param device the backup file, null when none is given
	 * @param options WITH options, upper case (RECOVERY, NORECOVERY, ...)
	 */
	record Restore(boolean log, Expr database, Expr device, List<String> options) implements Statement {
	}

	/** {@code KILL session_id}: a literal integer only, as in SQL Server. */
	record Kill(long sessionId) implements Statement {
	}

	/**
	 * {@code ALTER DATABASE db SET PARTNER = 'TCP://host:port'} or {@code ... SET PARTNER OFF}: the one ALTER
	 * DATABASE Install-CsMirrorDatabase needs on the principal.
	 *
	 * @param partner the partner's server network address, null for OFF
	 */
	record SetPartner(String database, String partner) implements Statement {
	}

	record Use(String database) implements Statement {
	}

	/** {@code BEGIN {TRAN | TRANSACTION} [name]}; {@code name} null when none is given. */
	record BeginTransaction(String name) implements Statement {
	}

	/** {@code COMMIT [{TRAN | TRANSACTION | WORK} [name]]}: the name is ignored, as by SQL Server. */
	record CommitTransaction(String name) implements Statement {
	}

	/** {@code ROLLBACK [{TRAN | TRANSACTION | WORK} [name]]}. */
	record RollbackTransaction(String name) implements Statement {
	}

	/** {@code IF condition statement [ELSE statement]}; {@code otherwise} null without ELSE. */
	record If(Predicate condition, Statement then, Statement otherwise) implements Statement {
	}

	/** {@code BEGIN statements END}. */
	record Block(List<Statement> statements) implements Statement {
	}

	/**
	 * {@code BACKUP DATABASE db TO DISK = device [WITH ...]} (a full backup, which the lab runs) or {@code BACKUP LOG ...}
	 * (which it refuses, inside a transaction as SQL Server does).
	 *
	 * @param database null for BACKUP LOG
	 * @param device null for BACKUP LOG
	 * @param options WITH options, upper case (INIT, CHECKSUM, ...)
	 */
	record Backup(String kind, Expr database, Expr device, List<String> options) implements Statement {

		public Backup(String kind) {
			this(kind, null, null, List.of());
		}

	}

	/** {@code SET option {ON | OFF | value}}: session options clients send on connect. */
	record SetOption(String option, String value) implements Statement {
	}

	/** {@code DECLARE @v type [= expr], ...}. */
	record Declare(List<Declared> variables) implements Statement {
	}

	record Declared(String name, String type, Expr initial) {
	}

	/** {@code WAITFOR DELAY 'hh:mm[[:ss].mss]'} (a literal or a variable). */
	record WaitFor(Expr delay) implements Statement {
	}

	/** {@code SET @v = expr} or {@code SELECT @v = expr}. */
	record Assign(String name, Expr value) implements Statement {
	}

}
