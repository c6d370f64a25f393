package org.pchatfailover.lab.sql.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pchatfailover.lab.sql.engine.LabSqlState.LogShippingSecondaryDatabase;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.errors.SqlMessage;

/**
 * The system procedures the lab implements: {@code sp_executesql} (how drivers send parameterised statements),
 * {@code sp_delete_log_shipping_secondary_database}, {@code sp_who}, {@code sp_who2} and {@code sp_helpdb}. Any
 * other procedure is error 2812.
 */
final class Procedures {

	private final LabSqlEngine engine;

	Procedures(LabSqlEngine engine) {
		this.engine = engine;
	}

	List<Outcome> call(SqlSession session, List<String> name, List<Param> params) {
		String procedure = name.get(name.size() - 1).toLowerCase(Locale.ROOT);
		String schema = name.size() >= 2 ? name.get(name.size() - 2).toLowerCase(Locale.ROOT) : "";
		boolean system = schema.isEmpty() || schema.equals("dbo") || schema.equals("sys");
		if (system && procedure.equals("sp_executesql")) {
			return executeSql(session, params);
		}
		if (procedure.startsWith("sp_prep") || procedure.equals("sp_execute") || procedure.equals("sp_unprepare")) {
			return new PreparedStatements(this).call(session, procedure, params);
		}
		if (system && procedure.equals("sp_delete_log_shipping_secondary_database")) {
			return deleteLogShippingSecondary(session, params);
		}
		if (system && procedure.equals("sp_who2")) {
			return who2(session, params);
		}
		if (system && procedure.equals("sp_who")) {
			checkNames("sp_who", params, "@loginame");
			String filter = firstValue(params);
			Outcome rows = engine.store().read(state -> SpWho.run(state, engine.sessions().live(), session, filter));
			return List.of(rows);
		}
		if (system && procedure.equals("sp_helpdb")) {
			checkNames("sp_helpdb", params, "@dbname");
			String database = firstValue(params);
			return engine.store().read(state -> SpHelpDb.run(state, database, LocalDate.now(engine.clock())));
		}
		if (system && LogShippingSetupProcedures.handles(procedure)) {
			return new LogShippingSetupProcedures(engine).call(session, procedure, params);
		}
		if (system && LogShippingProcedures.isDocumented(procedure)) {
			throw new SqlException(SqlErrors.notSimulated(procedure));
		}
		throw new SqlException(SqlErrors.procedureNotFound(String.join(".", name)));
	}

	/** {@code sp_executesql @stmt, @params, values...}: values bind by name or by declaration order. */
	private List<Outcome> executeSql(SqlSession session, List<Param> params) {
		if (params.isEmpty() || params.get(0).value() == null) {
			throw new SqlException(SqlErrors.procedureExpects("sp_executesql", "@statement"));
		}
		String statement = params.get(0).value().toString();
		String declarations = params.size() > 1 && params.get(1).value() != null ? params.get(1).value().toString()
				: "";
		return execute(session, statement, declarations, params.subList(Math.min(2, params.size()), params.size()), 2);
	}

	/**
	 * Runs a parameterised statement: values bind by name or in the order of the declarations; its OUTPUT
	 * parameters come back as return values.
	 *
	 * @param firstOrdinal the place of the first value in the RPC call (after @stmt and @params: 2)
	 */
	List<Outcome> execute(SqlSession session, String statement, String declarations, List<Param> values,
			int firstOrdinal) {
		OutputParameters outputs = new OutputParameters(declarations);
		outputs.check(values);
		List<String> declared = declaredNames(declarations);
		Map<String, Object> variables = new HashMap<>();
		declared.forEach(n -> variables.put(n, null));
		for (int i = 0; i < values.size(); i++) {
			Param param = values.get(i);
			String key = param.named() ? param.name().toLowerCase(Locale.ROOT)
					: (i < declared.size() ? declared.get(i) : null);
			if (key == null || !variables.containsKey(key)) {
				throw new SqlException(new SqlMessage(8178, 16, 1, "The parameterized query '(" + declarations + ")"
						+ statement + "' expects the parameter '" + (key == null ? "@" + (i + 1) : key)
						+ "', which was not supplied."));
			}
			variables.put(key, param.value());
		}
		// a SET inside dynamic SQL lasts until control returns from it (sql-docs, "SET Statements")
		SessionOptions outside = session.options().copy();
		try {
			List<Outcome> outcomes = new ArrayList<>(new StatementExecutor(engine, session, variables).run(statement));
			if (outcomes.stream().noneMatch(Outcome.Error.class::isInstance)) {
				outcomes.addAll(outputs.returnValues(values, variables, firstOrdinal));
			}
			return outcomes;
		}
		finally {
			session.options().restore(outside);
		}
	}

	/** {@code @P0 nvarchar(4000),@P1 int}: the names in order. */
	static List<String> declaredNames(String declarations) {
		return declarationItems(declarations).stream().map(item -> item.split("\\s+")[0].toLowerCase(Locale.ROOT))
			.toList();
	}

	/** The declarations one by one (commas inside type parentheses do not split). */
	static List<String> declarationItems(String declarations) {
		List<String> items = new ArrayList<>();
		int depth = 0;
		StringBuilder item = new StringBuilder();
		for (char c : (declarations + ",").toCharArray()) {
			depth += c == '(' ? 1 : c == ')' ? -1 : 0;
			if (c == ',' && depth == 0) {
				String text = item.toString().strip();
				if (!text.isEmpty()) {
					items.add(text);
				}
				item.setLength(0);
			}
			else {
				item.append(c);
			}
		}
		return items;
	}

	/** A misspelt parameter name is an error on SQL Server (8145), not an argument silently dropped. */
	private static void checkNames(String procedure, List<Param> params, String... known) {
		for (Param param : params) {
			if (param.named() && List.of(known).stream().noneMatch(param.name()::equalsIgnoreCase)) {
				throw new SqlException(SqlErrors.notAParameter(param.name(), procedure));
			}
		}
	}

	private static String firstValue(List<Param> params) {
		Object value = params.isEmpty() ? null : SqlVariant.unwrap(params.get(0).value());
		return value == null ? null : value.toString();
	}

	private List<Outcome> who2(SqlSession session, List<Param> params) {
		checkNames("sp_who2", params, "@loginame");
		Object filter = params.isEmpty() ? null : params.get(0).value();
		LocalDateTime now = LocalDateTime.now(engine.clock());
		Outcome rows = engine.store().read(state -> SpWho2.run(state, engine.sessions().live(), session, now,
				filter == null ? null : filter.toString()));
		return List.of(rows);
	}

	private List<Outcome> deleteLogShippingSecondary(SqlSession session, List<Param> params) {
		checkNames("sp_delete_log_shipping_secondary_database", params, "@secondary_database");
		// its msdb deletes would be undone by a ROLLBACK on SQL Server; the lab could not undo them
		Transactions.refuseInTransaction(session, SqlErrors.notSimulated(
				"sp_delete_log_shipping_secondary_database inside a transaction"));
		ResultShape.refuseUnderFmtonly(session, "sp_delete_log_shipping_secondary_database");
		Object database = params.stream()
			.filter(p -> !p.named() || p.name().equalsIgnoreCase("@secondary_database"))
			.map(Param::value).findFirst().orElse(null);
		if (database == null) {
			throw new SqlException(SqlErrors.procedureExpects("sp_delete_log_shipping_secondary_database",
					"@secondary_database"));
		}
		String name = database.toString();
		return engine.store().change(state -> {
			LogShippingSecondaryDatabase row = state.logShippingSecondaryDatabases.stream()
				.filter(d -> d.secondaryDatabase().equalsIgnoreCase(name)).findFirst().orElse(null);
			if (row == null) {
				throw new SqlException(SqlErrors.notLogShippingSecondary(name));
			}
			state.logShippingSecondaryDatabases.remove(row);
			state.logShippingMonitorSecondary.removeIf(m -> m.secondaryDatabase().equalsIgnoreCase(name));
			// the secondary (copy job, folders) goes with its last database, as the real procedure does
			boolean lastDatabase = state.logShippingSecondaryDatabases.stream()
				.noneMatch(d -> d.secondaryId().equals(row.secondaryId()));
			if (lastDatabase) {
				state.logShippingSecondary.removeIf(s -> s.secondaryId().equals(row.secondaryId()));
			}
			return List.of(new Outcome.Done(-1));
		});
	}

}
