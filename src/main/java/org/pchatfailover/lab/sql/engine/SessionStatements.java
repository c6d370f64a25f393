package org.pchatfailover.lab.sql.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Statement;

/**
 * The statements about the session and the instance rather than data: transactions, BACKUP (refused), KILL, ALTER
 * DATABASE ... SET PARTNER and USE.
 */
final class SessionStatements {

	private final LabSqlEngine engine;

	private final SqlSession session;

	private final Map<String, Object> variables;

	SessionStatements(LabSqlEngine engine, SqlSession session, Map<String, Object> variables) {
		this.engine = engine;
		this.session = session;
		this.variables = variables;
	}

	List<Outcome> execute(Statement statement) {
		if (statement instanceof Statement.BeginTransaction begin) {
			return Transactions.begin(session, name(begin.name()));
		}
		if (statement instanceof Statement.CommitTransaction) {
			return Transactions.commit(session);
		}
		if (statement instanceof Statement.RollbackTransaction rollback) {
			return Transactions.rollback(session, name(rollback.name()));
		}
		if (statement instanceof Statement.Backup backup) {
			String what = "BACKUP " + backup.kind();
			Transactions.refuseInTransaction(session, SqlErrors.backupOrRestoreInTransaction(),
					SqlErrors.terminating(what));
			throw new SqlException(SqlErrors.notSimulated(what));
		}
		if (statement instanceof Statement.SetPartner partner) {
			Transactions.refuseInTransaction(session, SqlErrors.notAllowedInTransaction("ALTER DATABASE"));
			ResultShape.refuseUnderFmtonly(session, "ALTER DATABASE");
			Outcome done = engine.store()
				.change(state -> engine.mirroring().setPartner(state, partner.database(), partner.partner()));
			return List.of(done);
		}
		if (statement instanceof Statement.Kill kill) {
			ResultShape.refuseUnderFmtonly(session, "KILL");
			engine.store().update(state -> engine.sessions().kill(state, session, kill.sessionId()));
			return List.of(new Outcome.Done(-1));
		}
		Statement.Use use = (Statement.Use) statement;
		return List.of(engine.use(session, use.database()));
	}

	/** A transaction name as written, or the value of the @variable that holds it. */
	private String name(String name) {
		if (name == null || !name.startsWith("@")) {
			return name;
		}
		String key = name.toLowerCase(Locale.ROOT);
		if (!variables.containsKey(key)) {
			throw new SqlException(SqlErrors.mustDeclare(name));
		}
		Object value = variables.get(key);
		return value == null ? null : value.toString();
	}

}
