package org.pchatfailover.lab.sql.engine;

import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.errors.SqlMessage;

/**
 * {@code sp_prepexec}, {@code sp_prepare}, {@code sp_execute} and {@code sp_unprepare}: mssql-jdbc switches a
 * PreparedStatement executed a second time from sp_executesql to these, so a client that polls with one
 * statement keeps working. Handles belong to the session, as on SQL Server.
 */
final class PreparedStatements {

	private final Procedures procedures;

	PreparedStatements(Procedures procedures) {
		this.procedures = procedures;
	}

	List<Outcome> call(SqlSession session, String procedure, List<Param> params) {
		return switch (procedure) {
			case "sp_prepexec" -> prepExec(session, params);
			case "sp_prepare" -> prepare(session, params);
			case "sp_execute" -> execute(session, params);
			case "sp_unprepare" -> unprepare(session, params);
			default -> throw new SqlException(SqlErrors.procedureNotFound(procedure));
		};
	}

	/** @handle OUTPUT, @params, @stmt, values... */
	private List<Outcome> prepExec(SqlSession session, List<Param> params) {
		int handle = prepareHandle(session, params, "sp_prepexec");
		String[] prepared = session.prepared(handle);
		// the handle is parameter 0, so its RETURNVALUE comes first (ReplyEncoder orders them by ordinal)
		List<Outcome> outcomes = new ArrayList<>(
				procedures.execute(session, prepared[1], prepared[0], params.subList(3, params.size()), 3));
		outcomes.add(handleValue(handle));
		return outcomes;
	}

	/** @handle OUTPUT, @params, @stmt, @options */
	private List<Outcome> prepare(SqlSession session, List<Param> params) {
		return List.of(handleValue(prepareHandle(session, params, "sp_prepare")));
	}

	/** @handle, values... */
	private List<Outcome> execute(SqlSession session, List<Param> params) {
		int handle = handle(params, "sp_execute");
		String[] prepared = session.prepared(handle);
		if (prepared == null) {
			throw new SqlException(notFound(handle));
		}
		return procedures.execute(session, prepared[1], prepared[0], params.subList(1, params.size()), 1);
	}

	private List<Outcome> unprepare(SqlSession session, List<Param> params) {
		int handle = handle(params, "sp_unprepare");
		if (!session.unprepare(handle)) {
			throw new SqlException(notFound(handle));
		}
		return List.of(new Outcome.Done(-1));
	}

	private static int prepareHandle(SqlSession session, List<Param> params, String procedure) {
		if (params.size() < 3 || params.get(2).value() == null) {
			throw new SqlException(SqlErrors.procedureExpects(procedure, "@stmt"));
		}
		Object declarations = params.get(1).value();
		return session.prepare(declarations == null ? "" : declarations.toString(), params.get(2).value().toString());
	}

	private static int handle(List<Param> params, String procedure) {
		if (params.isEmpty() || !(params.get(0).value() instanceof Number number)) {
			throw new SqlException(SqlErrors.procedureExpects(procedure, "@handle"));
		}
		return number.intValue();
	}

	/**
	 * The {@code @handle OUTPUT} parameter, by its name: tedious matches "handle" (connection.ts prepare: "if (name
	 * === 'handle')", after dropping the '@' in returnvalue-token-parser.ts); mssql-jdbc and jTDS go by position.
	 */
	private static Outcome handleValue(int handle) {
		return new Outcome.ReturnValue(0, "@handle", SqlType.INT, handle);
	}

	private static SqlMessage notFound(int handle) {
		return new SqlMessage(8179, 16, 4, "Could not find prepared statement with handle " + handle + ".");
	}

}
