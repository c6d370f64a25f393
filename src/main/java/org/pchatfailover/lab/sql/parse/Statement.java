package org.pchatfailover.lab.sql.parse;

import java.util.List;

/** The statements the lab's SQL Server understands; anything else is refused with SQL Server's error. */
public sealed interface Statement {

	/**
	 * {@code SELECT [TOP (n)] items [FROM object] [WHERE condition] [ORDER BY column [ASC|DESC]]}.
	 *
	 * @param where null without a WHERE clause
	 */
	record Select(List<SelectItem> items, List<String> from, Predicate where, Long top, String orderBy,
			boolean descending) implements Statement {
	}

	/** A select list entry; {@code expr} null means {@code *}. */
	record SelectItem(Expr expr, String alias) {
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

	/** {@code RESTORE HEADERONLY FROM DISK = device}. */
	record RestoreHeaderOnly(Expr device) implements Statement {
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

	/** {@code BACKUP {DATABASE | LOG} ...}: the lab runs none, but refuses one inside a transaction as SQL Server does. */
	record Backup(String kind) implements Statement {
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
