package org.pchatfailover.lab.sql.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Expr;
import org.pchatfailover.lab.sql.parse.SqlParser;
import org.pchatfailover.lab.sql.parse.Statement;

/**
 * Runs the statements of one batch (or one {@code sp_executesql} body) in order, with its own variables; the
 * first error ends the batch, as the errors the lab raises do on SQL Server. A syntax error anywhere stops the
 * batch before its first statement runs (SQL Server compiles the batch first).
 */
final class StatementExecutor {

	private static final Pattern DELAY = Pattern.compile("(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,3}))?)?");

	private final LabSqlEngine engine;

	private final SqlSession session;

	private final Map<String, Object> variables;

	/** The types of the variables this batch declared, by lower-case name. */
	private final Map<String, String> declaredTypes = new HashMap<>();

	StatementExecutor(LabSqlEngine engine, SqlSession session, Map<String, Object> variables) {
		this.engine = engine;
		this.session = session;
		this.variables = variables;
	}

	List<Outcome> run(String sql) {
		List<Statement> statements;
		try {
			statements = SqlParser.parse(sql);
		}
		catch (SqlException ex) {
			return List.of(new Outcome.Error(ex.messages()));
		}
		List<Outcome> outcomes = new ArrayList<>();
		try {
			for (Statement statement : statements) {
				if (session.cancelled()) {
					break; // an attention stops the batch; the client discards what it had produced
				}
				outcomes.addAll(execute(statement));
			}
		}
		catch (SqlException ex) {
			outcomes.add(new Outcome.Error(ex.messages()));
			outcomes.addAll(Transactions.afterError(session));
		}
		return outcomes;
	}

	private List<Outcome> execute(Statement statement) {
		if (statement instanceof Statement.Block block) {
			List<Outcome> outcomes = new ArrayList<>();
			for (Statement inner : block.statements()) {
				outcomes.addAll(execute(inner));
			}
			return outcomes;
		}
		if (statement instanceof Statement.If condition) {
			Statement branch = new QueryEvaluator(evaluator())
				.holds(condition.condition(), new SelectExecutor(engine, session, variables)::anyRows) ? condition.then()
					: condition.otherwise();
			return branch == null ? List.of() : execute(branch);
		}
		return ResultShape.of(session).apply(executeOne(statement));
	}

	private List<Outcome> executeOne(Statement statement) {
		if (statement instanceof Statement.Select select) {
			return new SelectExecutor(engine, session, variables).execute(select, this::assign);
		}
		if (statement instanceof Statement.Exec exec) {
			return exec(exec);
		}
		if (statement instanceof Statement.RestoreInspect inspect) {
			return engine.restores().inspect(inspect.what(), evaluator().string(inspect.device()));
		}
		if (statement instanceof Statement.Print print) {
			Object message = SqlVariant.unwrap(evaluator().value(print.message()));
			return List.of(new Outcome.Info(SqlErrors.printed(message == null ? "" : Conversions.text(message, null))));
		}
		if (statement instanceof Statement.Restore restore) {
			return restore(restore);
		}
		if (statement instanceof Statement.Backup backup && backup.database() != null) {
			Transactions.refuseInTransaction(session, SqlErrors.backupOrRestoreInTransaction(),
					SqlErrors.terminating("BACKUP DATABASE"));
			ResultShape.refuseUnderFmtonly(session, "BACKUP DATABASE");
			return engine.restores().backups().backupDatabase(evaluator().string(backup.database()),
					evaluator().string(backup.device()), backup.options());
		}
		if (statement instanceof Statement.SetOption option) {
			SetOptions.apply(session, option, variables);
			return List.of(new Outcome.Done(-1));
		}
		if (statement instanceof Statement.WaitFor wait) {
			session.waitUnlessCancelled(delay(evaluator().string(wait.delay())));
			return List.of();
		}
		if (statement instanceof Statement.Declare declare) {
			for (Statement.Declared v : declare.variables()) {
				String key = v.name().toLowerCase(Locale.ROOT);
				declaredTypes.put(key, v.type());
				variables.put(key, v.initial() == null ? null : assigned(key, evaluator().value(v.initial())));
			}
			return List.of();
		}
		if (statement instanceof Statement.Assign assign) {
			assign(assign.name(), evaluator().value(assign.value()));
			return List.of();
		}
		return new SessionStatements(engine, session, variables).execute(statement);
	}

	private void assign(String variable, Object value) {
		String key = variable.toLowerCase(Locale.ROOT);
		if (!variables.containsKey(key)) {
			throw new SqlException(SqlErrors.mustDeclare(variable));
		}
		variables.put(key, assigned(key, value));
	}

	private List<Outcome> restore(Statement.Restore restore) {
		String statement = restore.log() ? "RESTORE LOG" : "RESTORE DATABASE";
		Transactions.refuseInTransaction(session, SqlErrors.backupOrRestoreInTransaction(),
				SqlErrors.terminating(statement));
		ResultShape.refuseUnderFmtonly(session, statement);
		String database = evaluator().string(restore.database());
		boolean recovery = !restore.options().contains("NORECOVERY") && !restore.options().contains("STANDBY");
		if (restore.log()) {
			if (restore.device() == null) {
				throw new SqlException(SqlErrors.keyword("WITH"));
			}
			return engine.restores().restoreLog(database, evaluator().string(restore.device()), recovery,
					restore.options().contains("RESTART"), engine.sessions());
		}
		if (restore.device() != null) {
			return engine.restores().backups().restoreFromDisk(database, evaluator().string(restore.device()), recovery,
					restore.options().contains("REPLACE"), engine.sessions());
		}
		if (!recovery) {
			throw new SqlException(SqlErrors.notSimulated("RESTORE DATABASE WITH NORECOVERY without FROM DISK"));
		}
		return engine.restores().restoreDatabaseWithRecovery(database, engine.sessions());
	}

	/**
	 * EXEC of a procedure: an OUTPUT argument's variable takes the value the procedure returns for it (its return
	 * value's ordinal is the argument's place), which goes no further (mssql-jdbc runs a CallableStatement as
	 * {@code EXEC sp_executesql @P0, @P1, @P2 OUT} inside sp_executesql).
	 */
	private List<Outcome> exec(Statement.Exec exec) {
		List<Param> params = new ArrayList<>();
		Evaluator evaluator = evaluator();
		for (Statement.Argument argument : exec.arguments()) {
			params.add(new Param(argument.name(), evaluator.value(argument.value()), argument.output()));
		}
		List<Outcome> outcomes = new ArrayList<>();
		for (Outcome outcome : engine.procedures().call(session, exec.procedure(), params)) {
			if (!(outcome instanceof Outcome.ReturnValue returned)) {
				outcomes.add(outcome);
			}
			else if (returned.ordinal() < exec.arguments().size()
					&& exec.arguments().get(returned.ordinal()).value() instanceof Expr.Variable variable) {
				variables.put(variable.name().toLowerCase(Locale.ROOT), returned.value());
			}
		}
		return outcomes;
	}

	/**
	 * A value assigned to a declared variable takes the variable's type (a length left out is not applied); a type the
	 * lab does not convert to keeps the value as it is.
	 */
	private Object assigned(String variable, Object value) {
		String type = declaredTypes.get(variable);
		Conversions.Target target = type == null ? null : Conversions.target(type, 4000);
		return target == null ? value : Conversions.convert(value, target, null);
	}

	private Evaluator evaluator() {
		return engine.store()
			.read(state -> new Evaluator(state, session, variables, engine.serverName(), engine.version(),
					engine.clock()));
	}

	/**
	 * "time_to_pass is formatted as hh:mm[[:ss].mss]", "up to a maximum of 24 hours"; "Dates can't be specified"
	 * (sql-docs waitfor-transact-sql.md). Anything else is error 148.
	 */
	static Duration delay(String text) {
		Matcher time = text == null ? null : DELAY.matcher(text.strip());
		if (time == null || !time.matches() || Integer.parseInt(time.group(1)) > 23
				|| Integer.parseInt(time.group(2)) > 59 || (time.group(3) != null && Integer.parseInt(time.group(3)) > 59)) {
			throw new SqlException(SqlErrors.waitforTime(text));
		}
		Duration delay = Duration.ofHours(Integer.parseInt(time.group(1))).plusMinutes(Integer.parseInt(time.group(2)));
		if (time.group(3) != null) {
			delay = delay.plusSeconds(Integer.parseInt(time.group(3)));
		}
		return time.group(4) == null ? delay : delay.plusMillis(Integer.parseInt((time.group(4) + "00").substring(0, 3)));
	}

	static Map<String, Object> noVariables() {
		return new HashMap<>();
	}

}
